import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDatabase } from '../../src/db/database';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

export interface ClusterDatabase {
  /** What every instance gets as DATABASE_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * The one PostgreSQL every instance shares: DATABASE_URL's when set (used as given), else an
 * embedded PostgreSQL in `workDir`. Not migrated here on purpose: the instances migrate at
 * start, under the advisory lock, as they do in a real deployment.
 */
export async function openClusterDatabase(workDir: string, databaseUrl: string | undefined): Promise<ClusterDatabase> {
  if (databaseUrl) return { url: databaseUrl, close: async () => undefined };
  const dataDir = path.join(workDir, 'postgres');
  await fs.mkdir(dataDir, { recursive: true });
  // A demo's data is throwaway: crash safety off, as in tests.
  const embedded = await startEmbeddedPostgres(dataDir, { durable: false });
  const url = await ensureDatabase(embedded.url, 'jobgate_cluster');
  return { url, close: () => embedded.stop() };
}
