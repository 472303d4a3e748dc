import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { migrateJobQueue } from './job-queue';

/** Any fixed number: every instance takes the same advisory lock before migrating. */
const MIGRATION_LOCK_KEY = 4_201_337;

/**
 * Runs `work` while holding the start-up advisory lock (session level, on a
 * dedicated connection), so instances starting together migrate and seed one
 * at a time: the second one finds the work done.
 */
export async function withStartupLock<T>(clientUrl: string, work: () => Promise<T>): Promise<T> {
  const lockClient = new pg.Client({ connectionString: clientUrl });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end();
  }
}

/**
 * Applies pending migrations under the start-up lock: ours, then the job queue's
 * own versioned schema (graphile-worker ships and upgrades `graphile_worker` itself).
 */
export async function migrate(orm: MikroORM, clientUrl: string): Promise<string[]> {
  return withStartupLock(clientUrl, async () => {
    const applied = await orm.getMigrator().up();
    await migrateJobQueue(clientUrl);
    return applied.map((m) => m.name);
  });
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
