import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { OperationUsageRow, OperationUsageSink, UsageOutcome } from '../../auth/operation-usage';

/** One row of the usage table as the service reads it. */
export interface StoredUsageRow {
  day: string;
  operation: string;
  outcome: UsageOutcome;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/** The SQL of per-operation key usage (api_credential_usage). */
export class CredentialUsageRepository implements OperationUsageSink {
  constructor(private readonly orm: MikroORM) {}

  /**
   * ONE statement per flush. Counts ADD to what other instances wrote (`+ excluded.count`).
   * The join drops rows of keys deleted since the calls were counted, so a delete never
   * fails the whole batch on the foreign key.
   */
  async addOperationUsage(rows: OperationUsageRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map(() => '(?::uuid, ?::date, ?, ?, ?::bigint, ?::timestamptz, ?::timestamptz)').join(', ');
    const params = rows.flatMap((r) => [r.credentialId, r.day, r.operation, r.outcome, r.count, r.firstAt, r.lastAt]);
    await this.orm.em.getConnection().execute(
      `insert into api_credential_usage as u (credential_id, day, operation, outcome, count, first_at, last_at)
       select v.id, v.day, v.op, v.outcome, v.n, v.first_at, v.last_at
         from (values ${values}) as v(id, day, op, outcome, n, first_at, last_at)
         join api_credentials c on c.id = v.id
       on conflict (credential_id, day, operation, outcome) do update
          set count = u.count + excluded.count,
              first_at = least(u.first_at, excluded.first_at),
              last_at = greatest(u.last_at, excluded.last_at)`,
      params,
      'run',
    );
  }

  /** A key's rows from `since`'s UTC day on, in `em`'s transaction when it has one. */
  async rowsSince(em: EntityManager, credentialId: string, since: Date): Promise<StoredUsageRow[]> {
    const rows = await em.getConnection().execute<{ day: string; operation: string; outcome: UsageOutcome; count: string; first_at: Date; last_at: Date }[]>(
      `select to_char(day, 'YYYY-MM-DD') as day, operation, outcome, count, first_at, last_at
         from api_credential_usage
        where credential_id = ? and day >= (?::timestamptz at time zone 'UTC')::date
        order by day`,
      [credentialId, since],
      'all',
      em.getTransactionContext(),
    );
    return rows.map((r) => ({ day: r.day, operation: r.operation, outcome: r.outcome, count: Number(r.count), firstAt: new Date(r.first_at), lastAt: new Date(r.last_at) }));
  }

  /** Daily buckets older than `days` days, in batches (housekeeping). */
  async deleteOlderThan(days: number, batchSize: number): Promise<number> {
    const knex = this.orm.em.getKnex();
    let total = 0;
    for (;;) {
      const result = await knex.raw<{ rowCount: number }>(
        `delete from api_credential_usage where ctid in (
           select ctid from api_credential_usage where day < (now() at time zone 'UTC')::date - ?::integer limit ?)`,
        [days, batchSize],
      );
      total += result.rowCount;
      if (result.rowCount < batchSize) return total;
    }
  }
}
