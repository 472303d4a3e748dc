import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, RequestMeta } from '../../auth/principal';
import { generateSecret, hashSecret, SECRET_PREFIXES } from '../../auth/secret-format';
import { UnauthenticatedError } from '../../errors';
import { grantsForRole, roleSeesConfidential } from '../../auth/role-grants';
import { Session } from './session.entity';
import type { SessionRepository } from './session.repository';
import type { User } from './user.entity';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Activity is recorded at most this often, so a busy session is not one write per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export class SessionService {
  constructor(private readonly repository: SessionRepository) {}

  /** Persists a session in `em` (flushed by the caller's transaction) and returns its token once. */
  start(em: EntityManager, user: User, meta: RequestMeta, now = new Date()): { token: string; session: Session } {
    const token = generateSecret(SECRET_PREFIXES.session);
    const session = em.create(Session, {
      user,
      organization: user.organization,
      tokenHash: hashSecret(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { token, session };
  }

  /** One indexed query by token hash; activity is written at most once a minute. */
  async verify(token: string, now = new Date()): Promise<Principal> {
    const row = await this.repository.findByTokenHash(hashSecret(token));
    if (!row || !row.active) throw new UnauthenticatedError('Invalid or expired session');
    if (new Date(row.expires_at) <= now || new Date(row.absolute_expires_at) <= now) {
      throw new UnauthenticatedError('Session expired; sign in again');
    }
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.repository.touch(row.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
    }
    return {
      kind: 'USER',
      organizationId: row.organization_id,
      userId: row.user_id,
      sessionId: row.id,
      displayName: row.name,
      role: row.role,
      canManageApiCredentials: row.can_manage_api_credentials,
      grants: grantsForRole(row.role),
      allowConfidential: roleSeesConfidential(row.role),
    };
  }

  async end(sessionId: string): Promise<void> {
    await this.repository.delete(sessionId);
  }

  /** Ends every session of a user inside the caller's transaction; returns how many there were. */
  /** Retention: deletes sessions past their expiry, in batches; returns how many (housekeeping). */
  deleteExpired(batchSize: number): Promise<number> {
    return this.repository.deleteExpired(batchSize);
  }

  async endAllForUser(em: EntityManager, userId: string): Promise<number> {
    return em.nativeDelete(Session, { user: userId });
  }
}
