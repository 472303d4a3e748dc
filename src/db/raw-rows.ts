import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Plain SQL inside `em`'s transaction, when it has one, with real bind parameters:
 * knex binds a JS array as one array parameter (`?::text[]`), which the ORM's
 * `execute` would spread into several.
 */
export async function rawRows<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const query = em.getKnex().raw(sql, params as never[]);
  const trx = em.getTransactionContext();
  if (trx) void query.transacting(trx);
  const result = (await query) as { rows: T[] };
  return result.rows;
}
