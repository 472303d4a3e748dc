import type { MikroORM } from '@mikro-orm/postgresql';
import { CREDENTIALS_CHANNEL } from '../../auth/credential-events';
import type { CredentialRow, KeyStore, UsageBatchRow } from '../../auth/key-store';

// One statement, both conditions on indexed columns (unique secret_hash, indexed previous_secret_hash).
const LOOKUP_SQL = `select c.id, c.organization_id, c.kind, c.name, c.operations, c.full_access, c.catalog_version,
       c.allow_confidential, c.allowed_cidrs, c.expires_at, c.revoked_at, c.secret_hash,
       c.previous_secret_expires_at, c.rate_limit_per_minute, o.plan
  from api_credentials c join organization_directory o on o.id = c.organization_id
 where c.secret_hash = ? or (c.previous_secret_hash = ? and c.previous_secret_expires_at > now())`;

/**
 * The SQL of key verification, outside any request fork (verification runs before a
 * principal, hence before a tenant filter, exists). It lives with the table it reads
 * and writes (`api_credentials`); `auth/` verifies through the `KeyStore` it declares.
 * The organization's plan and the On-Behalf-Of user come from their owners' views.
 */
export class KeyRepository implements KeyStore {
  constructor(private readonly orm: MikroORM) {}

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(sql, params);
  }

  async findByHash(hash: string): Promise<CredentialRow | undefined> {
    const [row] = await this.execute<CredentialRow>(LOOKUP_SQL, [hash, hash]);
    return row;
  }

  /** Tells every instance (LISTEN on CREDENTIALS_CHANNEL) to evict the key. */
  async notifyChanged(credentialId: string): Promise<void> {
    await this.execute('select pg_notify(?, ?)', [CREDENTIALS_CHANNEL, credentialId]);
  }

  /** On-Behalf-Of names a user: is it an active user of the key's organization? */
  async isActiveUser(organizationId: string, userId: string): Promise<boolean> {
    const rows = await this.execute('select 1 from user_directory where id = ? and organization_id = ? and active', [userId, organizationId]);
    return rows.length > 0;
  }

  /** One `UPDATE … FROM (VALUES …)` for every key used since the last flush. */
  async addUsage(batch: UsageBatchRow[]): Promise<void> {
    const values = batch.map(() => '(?::uuid, ?::integer, ?::timestamptz)').join(', ');
    const params = batch.flatMap((row) => [row.credentialId, row.count, row.lastUsedAt]);
    await this.execute(
      `update api_credentials c
          set use_count = c.use_count + v.n,
              last_used_at = greatest(coalesce(c.last_used_at, v.at), v.at)
         from (values ${values}) as v(id, n, at)
        where c.id = v.id`,
      params,
    );
  }
}
