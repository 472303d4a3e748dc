import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectOrm } from '../../src/app/orm-config';
import { ensureDatabase, migrate } from '../../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';

/** A PostgreSQL of its own for an outage test: stopped and started again on the same port, as a restart or failover does. */
export interface StoppablePostgres {
  /** A migrated database on it. */
  databaseUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-outage-pg-'));
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres(dir, { durable: false });
  const port = server.port;
  const databaseUrl = await ensureDatabase(server.url, 'jobgate');
  const orm = await connectOrm({ clientUrl: databaseUrl, poolMax: 2 });
  await migrate(orm, databaseUrl);
  await orm.close();
  return {
    databaseUrl,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server ??= await startEmbeddedPostgres(dir, { durable: false, port });
    },
    async close() {
      await server?.stop();
      server = null;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
