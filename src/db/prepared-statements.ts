import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { withReadRetry, type FreshConnections } from './dead-connection-retry';

/**
 * Something that runs one statement with `$n` bind parameters and returns its rows.
 * The app gets one from the ORM (`preparedRows`); the raw benchmark baseline hands
 * in its own `pg` pool, so both run the very same statements.
 */
export interface RowSource {
  rows<T>(text: string, values: unknown[]): Promise<T[]>;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** A stable name per statement text: pg prepares a named statement once per connection and reuses its plan. */
export function statementName(text: string): string {
  return `jg_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
}

/** `?` placeholders (the ORM's style) to `$1, $2, …`. The statements passed here have no `?` inside literals. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Runs statements as NAMED prepared statements on a connection of the ORM's pool:
 * values travel as bind parameters (never written into the SQL), and each
 * connection parses and plans a statement once, then reuses it (PostgreSQL
 * switches to a generic plan when it costs no more than the custom ones).
 * MikroORM's `execute` inlines the values instead, so every request was planned
 * again. Each statement is still logged through the ORM's logger (the query log
 * and the benchmarks' statement counter see it).
 */
export function preparedRows(em: EntityManager): RowSource {
  const knex = em.getConnection().getKnex();
  const client = knex.client as unknown as { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> } & FreshConnections<PgClient>;
  const logger = em.config.getLogger();
  return {
    async rows<T>(text: string, values: unknown[]): Promise<T[]> {
      const started = Date.now();
      const connection = await client.acquireConnection();
      try {
        // These are plain reads outside any transaction: one more try on a fresh connection when this one died (dead-connection-retry.ts).
        const result = await withReadRetry(client, connection, text, (c) => c.query({ name: statementName(text), text, values }));
        return result.rows as T[];
      } finally {
        await client.releaseConnection(connection);
        logger.logQuery({ query: text, took: Date.now() - started, level: 'info' });
      }
    },
  };
}
