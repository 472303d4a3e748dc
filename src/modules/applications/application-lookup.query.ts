import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationRepository } from './application.repository';

/**
 * What other modules may ask about applications without going through the admin
 * API: one statement each, the SQL in this module's repository.
 */
export class ApplicationLookup {
  private readonly repository = new ApplicationRepository();

  /** The application a hosted form token (its idempotency key) already created, whatever its age, or null. */
  idForKey(em: EntityManager, organizationId: string, key: string): Promise<string | null> {
    return this.repository.idForKey(em, organizationId, key);
  }

  /** How many applications a posting has, in the caller's transaction (a posting with any cannot be deleted). */
  countForPosting(em: EntityManager, postingId: string): Promise<number> {
    return this.repository.countForPosting(em, postingId);
  }
}
