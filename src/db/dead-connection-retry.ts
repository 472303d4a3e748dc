import type { Knex } from 'knex';
import { classifyOutage } from '../outage';

/**
 * Dead pooled connections after a database restart.
 *
 * Discarding: knex's pg client marks a connection disposed when pg emits `error`
 * (PostgreSQL's 57P01 "terminating connection due to administrator command" on a
 * stop, a reset socket) or `end`, and the pool's `validate` drops a disposed
 * connection at the next acquire instead of handing it out. What is left is a
 * connection that died after it was handed out, or whose death nobody had read
 * from the socket yet: its statement fails with a connection error.
 *
 * Retrying: such a statement is run once more on a fresh connection when it is
 * a plain read outside a transaction. The guarantee: a read has no effect, so
 * running it again cannot apply anything twice, whether or not the dead
 * connection's server ever saw it. Nothing else is retried:
 * - a write outside a transaction (the apply's CTE) may have committed before
 *   the connection died, and the caller's retry with its Idempotency-Key is the
 *   safe way to find out;
 * - any statement inside a transaction, BEGIN and COMMIT included: the
 *   transaction's locks and snapshot lived on the dead connection, its later
 *   statements would run on the old one, and a COMMIT may have been applied;
 * - reads with session effects (advisory locks, sequences, settings, row locks).
 * A request's first statement is in practice such a read (the key lookup, the
 * posting and idempotency read of an apply), so the first requests after a
 * restart succeed instead of failing on connections that died meanwhile.
 */

interface PooledConnection {
  __knexTxId?: string;
}

interface QueryObject {
  sql: string;
}

interface KnexClientInternals {
  _query(connection: PooledConnection, obj: QueryObject): Promise<unknown>;
}

/**
 * Where a retry gets its fresh connection: a new one, opened beside the pool and
 * closed after the statement. Not from the pool: the dead connection stays checked
 * out until its runner releases it, so with every pooled connection dead at once
 * (a restart) retries waiting on the pool would wait on each other.
 */
export interface FreshConnections<C> {
  acquireRawConnection(): Promise<C>;
  destroyRawConnection(connection: C): Promise<unknown>;
}

const PLAIN_READ = /^\s*(select|with\b(?![\s\S]*\b(insert|update|delete|merge)\b))/i;
const SESSION_EFFECTS = /\b(pg_(try_)?advisory\w*|nextval|setval|set_config|pg_notify|for\s+(update|share|no\s+key\s+update|key\s+share))\b/i;

/** A read that may run again on another connection: no writes, no locks, no session state. */
export function isRetryableRead(sql: string): boolean {
  return PLAIN_READ.test(sql) && !SESSION_EFFECTS.test(sql);
}

/** The connection (not the server as a whole, not the statement) failed: worth one more try on a fresh one. */
export function isLostConnection(err: unknown): boolean {
  return classifyOutage(err)?.kind === 'unavailable';
}

/** Runs `run` on `connection`, and once more on a fresh connection when a retryable read lost its connection. */
export async function withReadRetry<C extends object, T>(
  client: FreshConnections<C>,
  connection: C,
  sql: string,
  run: (connection: C) => Promise<T>,
): Promise<T> {
  try {
    return await run(connection);
  } catch (err) {
    if ((connection as PooledConnection).__knexTxId || !isRetryableRead(sql) || !isLostConnection(err)) throw err;
    const fresh = await client.acquireRawConnection();
    try {
      return await run(fresh);
    } finally {
      await client.destroyRawConnection(fresh).catch(() => undefined);
    }
  }
}

/** Every statement of this knex (the ORM's) goes through withReadRetry. Called once per ORM, in its composition. */
export function retryReadsOnLostConnections(knex: Knex): void {
  const client = knex.client as unknown as KnexClientInternals & FreshConnections<PooledConnection>;
  const query = client._query.bind(client);
  client._query = (connection, obj) => withReadRetry(client, connection, obj.sql, (c) => query(c, obj));
}
