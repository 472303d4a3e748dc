import type { EntityManager } from '@mikro-orm/postgresql';

/** Advisory lock class for role and activation changes (any int4 unused elsewhere). */
const USER_CHANGES_LOCK = 4_201_338;

/**
 * Serializes role and activation changes within one organization for the rest of the
 * transaction. Without it, two Super Admins deactivating each other lock the two rows
 * in opposite orders and deadlock (and the last-Super-Admin check could race).
 */
export async function lockUserChanges(em: EntityManager, organizationId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [USER_CHANGES_LOCK, organizationId]);
}
