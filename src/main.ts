import 'reflect-metadata';
import { seedFirstOrganization, validateBootstrapConfig } from './app/first-organization';
import { ConfigError, loadConfig } from './config';
import { EmbeddedPostgresError } from './db/embedded-postgres';
import { openDatabase } from './app/open-database';
import { buildApp } from './app/build-app';
import { createLogger } from './logger';
import { createServices } from './app/services';
import { startupBanner } from './app/startup-banner';

/** Process entry: config → database → services → HTTP → graceful shutdown. */
async function main() {
  // Every setting is checked before the database is opened or migrated.
  const config = loadConfig();
  validateBootstrapConfig(config);
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const services = await createServices(config, database.orm, logger, { embeddedDataDir: database.embedded ? config.dataDir : null });
  const demo = await seedFirstOrganization(config, services, logger, { url: database.url, embedded: database.embedded !== null });
  const app = await buildApp(services);
  await app.listen({ host: config.host, port: config.port });
  process.stderr.write(startupBanner(`http://${config.host}:${config.port}`, demo));
  logger.info({ organizationSlug: demo?.organizationSlug }, demo ? 'ready; demo organization created (login on stderr)' : 'ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight requests finish (bounded), then release the database.
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing connections');
      app.server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    await app.close();
    clearTimeout(force);
    await services.close();
    await database.close();
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else if (err instanceof EmbeddedPostgresError) {
    process.stderr.write(`Jobgate failed to start: ${err.message}\n`);
  } else {
    process.stderr.write(`Jobgate failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
