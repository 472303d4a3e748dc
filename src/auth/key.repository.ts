import type { MikroORM } from '@mikro-orm/postgresql';
import { CREDENTIALS_CHANNEL } from './credential-events';

/** One row of the hot lookup: the key and its organization's plan. */
export interface CredentialRow {
  id: string;
  organization_id: string;
  kind: 'POSTINGS' | 'DATA';
  name: string;
  operations: string[];
  full_access: boolean;
  catalog_version: number;
  allow_confidential: boolean;
  allowed_cidrs: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  secret_hash: string;
  previous_secret_expires_at: Date | null;
  rate_limit_per_minute: number;
  plan: 'BASIC' | 'FULL';
}

// One statement, both conditions on indexed columns (unique secret_hash, indexed previous_secret_hash).
const LOOKUP_SQL = `select c.id, c.organization_id, c.kind, c.name, c.operations, c.full_access, c.catalog_version,
       c.allow_confidential, c.allowed_cidrs, c.expires_at, c.revoked_at, c.secret_hash,
       c.previous_secret_expires_at, c.rate_limit_per_minute, o.plan
  from api_credentials c join organizations o on o.id = c.organization_id
 where c.secret_hash = ? or (c.previous_secret_hash = ? and c.previous_secret_expires_at > now())`;

/** Usage of one key since the last flush. */
export interface UsageBatchRow {
  credentialId: string;
  count: number;
  lastUsedAt: Date;
}

/**
 * The SQL of key verification, outside any request fork (verification runs before a
 * principal, hence before a tenant filter, exists).
 */
export class KeyRepository {
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
    const rows = await this.execute('select 1 from users where id = ? and organization_id = ? and active', [userId, organizationId]);
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
