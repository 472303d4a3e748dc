import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

/** Any fixed number: every instance takes the same advisory lock before migrating. */
const MIGRATION_LOCK_KEY = 4_201_337;

/**
 * Applies pending migrations while holding a session-level advisory lock on a
 * dedicated connection, so instances starting together migrate one at a time.
 */
export async function migrate(orm: MikroORM, clientUrl: string): Promise<string[]> {
  const lockClient = new pg.Client({ connectionString: clientUrl });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end();
  }
}

/** Creates `name` on the server of `maintenanceUrl` unless it exists. */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(maintenanceUrl, name);
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
