import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Runs a `delete ... where id in (select ... limit ?)` statement until it deletes fewer
 * than `batchSize` rows, so a large backlog never holds locks or bloats one transaction.
 * Each module runs it on its own tables (housekeeping only calls them).
 */
export async function deleteInBatches(orm: MikroORM, sql: string, params: unknown[], batchSize: number): Promise<number> {
  const knex = orm.em.getKnex();
  let total = 0;
  for (;;) {
    const result = await knex.raw<{ rowCount: number }>(sql, params as never[]);
    total += result.rowCount;
    if (result.rowCount < batchSize) return total;
  }
}
