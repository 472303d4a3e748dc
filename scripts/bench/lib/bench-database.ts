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

/**
 * A migrated database for a benchmark run: BENCH_DATABASE_URL's server when set,
 * else a throwaway embedded PostgreSQL (crash safety off, as in tests).
 */
export async function openBenchDatabase(name = 'jobgate_bench'): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-bench-'));
    embedded = await startEmbeddedPostgres(dir, { durable: false });
    serverUrl = embedded.url;
  }
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
      await embedded?.stop();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
