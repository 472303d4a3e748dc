import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectOrm } from '../../../src/app/orm-config';
import { ensureDatabase, migrate } from '../../../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../src/db/embedded-postgres';

export interface BenchDatabase {
  url: string;
  serverVersion: string;
  close(): Promise<void>;
}

/** A throwaway embedded PostgreSQL server (crash safety off, as in tests) in a temporary folder, removed on close. */
export async function startThrowawayServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-bench-'));
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres(dir, { durable: false });
  return {
    url: embedded.url,
    async close() {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A migrated database for a benchmark run: BENCH_DATABASE_URL's server when set
 * (the smoke run shares one server across its benchmarks that way), else a throwaway
 * embedded PostgreSQL of its own.
 */
export async function openBenchDatabase(name = 'jobgate_bench'): Promise<BenchDatabase> {
  const throwaway = process.env.BENCH_DATABASE_URL ? undefined : await startThrowawayServer();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? throwaway!.url;
  const url = await ensureDatabase(serverUrl, name);
  const orm = await connectOrm({ clientUrl: url, poolMax: 2 });
  await migrate(orm, url);
  await orm.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  return {
    url,
    serverVersion: rows[0].server_version,
    async close() {
      await throwaway?.close();
    },
  };
}
