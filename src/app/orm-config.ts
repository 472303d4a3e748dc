import { DataloaderType, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from './entities';
import { migrationsList } from '../db/migrations';
import { retryReadsOnLostConnections } from '../db/dead-connection-retry';

export interface OrmConfigOptions {
  clientUrl: string;
  poolMax?: number;
  /** Called with each SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
}

export function ormConfig({ clientUrl, poolMax = 10, onQuery }: OrmConfigOptions): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Relations resolved in GraphQL field resolvers batch through MikroORM's own dataloader.
    dataloader: DataloaderType.ALL,
    // A query outside a request fork is a bug: never fall back to a shared identity map.
    allowGlobalContext: false,
    pool: { min: 0, max: poolMax },
    discovery: { warnWhenNoEntities: false },
    // Owned by rate-limiter-flexible (created by our migration), not by an entity.
    // graphile_worker is the job queue's own schema, migrated by graphile-worker (db/job-queue.ts), not by us.
    // rate_limits, job_queue_ticks and the webhook tables are read and written with SQL only (no entities): the diff leaves them to their migrations.
    schemaGenerator: {
      skipTables: ['rate_limits', 'job_queue_ticks', 'webhook_endpoints', 'webhook_messages', 'webhook_attempts', 'eeo_responses', 'posting_search_notices', 'search_notice_quota', 'google_indexing_backlog', 'search_notice_outbox'],
      ignoreSchema: ['graphile_worker'],
    },
    debug: onQuery ? ['query'] : false,
    logger: onQuery ? (message) => onQuery(message) : () => {},
    migrations: {
      migrationsList,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      path: 'src/db/migrations',
      pathTs: 'src/db/migrations',
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
  };
}

/** The ORM of one instance (or one test, script or benchmark), knowing every entity. */
export async function connectOrm(options: OrmConfigOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  retryReadsOnLostConnections(orm.em.getConnection().getKnex());
  return orm;
}
