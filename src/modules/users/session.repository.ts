import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '../../auth/role';
import { deleteInBatches } from '../../db/batched-delete';

/** What verifying a session needs: the session's clocks and its user's standing, in one row. */
export interface SessionRow {
  id: string;
  organization_id: string;
  expires_at: Date;
  absolute_expires_at: Date;
  last_seen_at: Date;
  user_id: string;
  name: string;
  role: Role;
  can_manage_api_credentials: boolean;
  active: boolean;
}

/** The sessions' SQL on the hot path (every signed-in request), outside the unit of work. */
export class SessionRepository {
  constructor(private readonly orm: MikroORM) {}

  /** One indexed query by token hash, joined to the user. */
  async findByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await this.orm.em.getConnection().execute<SessionRow[]>(
      `select s.id, s.organization_id, s.expires_at, s.absolute_expires_at, s.last_seen_at,
              u.id as user_id, u.name, u.role, u.can_manage_api_credentials, u.active
         from sessions s join users u on u.id = s.user_id
        where s.token_hash = ?`,
      [tokenHash],
    );
    return row;
  }

  /** Records activity and slides the idle expiry, never past the absolute one. */
  async touch(sessionId: string, now: Date, idleExpiresAt: Date): Promise<void> {
    await this.orm.em
      .getConnection()
      .execute('update sessions set last_seen_at = ?, expires_at = least(?, absolute_expires_at) where id = ?', [now, idleExpiresAt, sessionId]);
  }

  async delete(sessionId: string): Promise<void> {
    await this.orm.em.getConnection().execute('delete from sessions where id = ?', [sessionId]);
  }

  /** Sessions past their idle expiry (which never exceeds the absolute one) can never be used again. */
  deleteExpired(batchSize: number): Promise<number> {
    return deleteInBatches(this.orm, 'delete from sessions where id in (select id from sessions where expires_at < now() limit ?)', [batchSize], batchSize);
  }
}
