import 'reflect-metadata';
import { seedFirstOrganization } from './app/first-organization';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './app/open-database';
import { buildApp } from './app/build-app';
import { createLogger } from './logger';
import { createServices } from './app/services';

/** Process entry: config → database → services → HTTP → graceful shutdown. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const services = await createServices(config, database.orm, logger, { embeddedDataDir: database.embedded ? config.dataDir : null });
  const demo = await seedFirstOrganization(config, services, logger, database.embedded !== null);
  const app = await buildApp(services);
  await app.listen({ host: config.host, port: config.port });

  const base = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    'Jobgate is running',
    `  admin API   POST ${base}/graphql`,
    `  public API  POST ${base}/public/graphql`,
    `  job boards  GET  ${base}/jobs/<slug>   (landing page: ${base}/)`,
    `  job feed    GET  ${base}/feeds/<slug>.xml`,
    `  health      GET  ${base}/healthz  ${base}/readyz  ${base}/metrics`,
  ];
  if (demo) {
    lines.push(
      '',
      'Demo organization created (shown once; the password is not stored anywhere readable):',
      `  organizationSlug: ${demo.organizationSlug}`,
      `  email:            ${demo.email}`,
      `  password:         ${demo.password}`,
      `  feed:             ${base}/feeds/${demo.organizationSlug}.xml`,
      `  job board:        ${base}/jobs/${demo.organizationSlug}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');

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
  } else {
    process.stderr.write(`Jobgate failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
