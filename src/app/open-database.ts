import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { connectOrm } from './orm-config';
import { ensureDatabase, migrate } from '../db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres';

export interface OpenDatabase {
  orm: MikroORM;
  url: string;
  /** Set when we launched PostgreSQL ourselves. */
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/** DATABASE_URL when set, else an embedded PostgreSQL in the data directory; then pending migrations. */
export async function openDatabase(config: Config, logger: Logger, poolMax = 10): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, { log: (line) => logger.debug({ postgres: line.trim() }) });
    url = await ensureDatabase(embedded.url, 'jobgate');
    logger.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  const orm = await connectOrm({ clientUrl: url, poolMax });
  const applied = await migrate(orm, url);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  return {
    orm,
    url,
    embedded,
    async close() {
      await orm.close();
      await embedded?.stop();
    },
  };
}
