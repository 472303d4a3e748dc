import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Bulk deletes of rows that have outlived their use. Each statement deletes at most
 * `batchSize` rows, so a large backlog never holds locks or bloats one transaction.
 */
export class RetentionRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Sessions past their idle expiry (which never exceeds the absolute one) can never be used again. */
  deleteExpiredSessions(batchSize: number): Promise<number> {
    return this.deleteInBatches(
      'delete from sessions where id in (select id from sessions where expires_at < now() limit ?)',
      [batchSize],
      batchSize,
    );
  }

  deleteAuditEventsOlderThan(days: number, batchSize: number): Promise<number> {
    return this.deleteInBatches(
      'delete from audit_events where id in (select id from audit_events where at < now() - make_interval(days => ?) limit ?)',
      [days, batchSize],
      batchSize,
    );
  }

  private async deleteInBatches(sql: string, params: unknown[], batchSize: number): Promise<number> {
    const knex = this.orm.em.getKnex();
    let total = 0;
    for (;;) {
      const result = await knex.raw<{ rowCount: number }>(sql, params as never[]);
      total += result.rowCount;
      if (result.rowCount < batchSize) return total;
    }
  }
}
