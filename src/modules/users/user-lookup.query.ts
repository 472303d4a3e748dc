import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from './user.entity';

/** Users by id in the caller's (tenant-scoped) fork, in one query: how other modules show who did something. */
export function usersByIds(em: EntityManager, ids: readonly string[]): Promise<User[]> {
  return em.find(User, { id: { $in: [...ids] } });
}
