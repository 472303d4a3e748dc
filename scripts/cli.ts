/**
 * Operator CLI: `npm run jobgate -- <command> [options]`.
 * Works against DATABASE_URL (or the embedded database in JOBGATE_DATA_DIR) and
 * applies pending migrations first, like the server.
 */
import 'reflect-metadata';
import { AppError } from '../src/errors';
import { ConfigError, loadConfig } from '../src/config';
import { EmbeddedPostgresError } from '../src/db/embedded-postgres';
import { openDatabase } from '../src/app/open-database';
import { createLogger } from '../src/logger';
import { createServices } from '../src/app/services';
import { commands } from './commands';

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`Usage: npm run jobgate -- <command>\nCommands:\n${Object.entries(commands).map(([n, c]) => `  ${n.padEnd(12)} ${c.usage}`).join('\n')}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr as never);
  const database = await openDatabase(config, logger);
  try {
    const services = await createServices(config, database.orm, logger, { embeddedDataDir: database.embedded ? config.dataDir : null });
    try {
      const result = await command.run(services, args);
      process.stdout.write(JSON.stringify(result) + '\n');
      return 0;
    } finally {
      await services.close();
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError || err instanceof ConfigError || err instanceof EmbeddedPostgresError) {
      process.stderr.write(`error: ${err.message}\n`);
    } else {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exit(1);
  },
);
