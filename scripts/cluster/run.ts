import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-postgres';
import { openClusterDatabase } from './database';
import { instanceEnv } from './instance-env';
import { Instance } from './instance';
import { startProxy } from './proxy';
import { startS3Server } from './s3-server';
import { Upstreams } from './upstreams';

/**
 * `npm run cluster:demo`: docs/DEPLOY.md's topology on one machine. One PostgreSQL (embedded,
 * or DATABASE_URL), one S3-compatible bucket (s3rver), INSTANCES (2) instances of the built
 * server, and a reverse proxy in front on PORT (4000). Humans read stderr; stdout carries
 * JSON lines ({"event":"ready",…}, {"event":"instance-exited",…}) for scripts and the test.
 * Ctrl-C or SIGTERM stops everything, instances first (they drain).
 */
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const say = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  if (!fs.existsSync('dist/src/main.js')) throw new Error('no build in dist/: run `npm run build` first (npm run cluster:demo does)');
  const count = Number(process.env.INSTANCES ?? 2);
  const proxyPort = Number(process.env.PORT ?? 4000);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobgate-cluster-'));
  // Embedded PostgreSQL runs as the postgres user when this runs as root: it must reach the folder.
  fs.chmodSync(workDir, 0o755);

  const cleanups: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch((err: Error) => say(`cluster: ${err.message}`));
      fs.rmSync(workDir, { recursive: true, force: true });
    })());
  const onSignal = (signal: string) => {
    say(`\n${signal}: stopping the proxy, the instances (they drain), the bucket and the database…`);
    void stopAll().then(() => process.exit(0));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    const database = await openClusterDatabase(workDir, process.env.DATABASE_URL || undefined);
    cleanups.push(() => database.close());
    const s3 = await startS3Server();
    cleanups.push(() => s3.close());

    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const upstreams = new Upstreams(ports.map((port) => `http://127.0.0.1:${port}`));
    const proxy = await startProxy(upstreams, proxyPort);
    cleanups.push(() => proxy.close());

    const login = { slug: 'cluster', email: 'admin@cluster.example', password: process.env.JOBGATE_BOOTSTRAP_ADMIN_PASSWORD || randomBytes(12).toString('base64url') };
    const env = instanceEnv(process.env, {
      databaseUrl: database.url,
      // The same key on every instance: one encrypts the postings key that another decrypts, and signs links others check.
      secretKey: process.env.JOBGATE_SECRET_KEY || randomBytes(32).toString('base64'),
      publicUrl: proxy.url,
      s3: s3.env,
      login,
    });
    const events = {
      ready: (name: string, pid: number) => emit({ event: 'instance-ready', name, pid }),
      exited: (name: string, code: number | null, signal: string | null) => emit({ event: 'instance-exited', name, code, signal }),
    };
    const instances = ports.map((port, i) => new Instance(`app-${i + 1}`, port, env, path.join(workDir, `app-${i + 1}.log`), events));
    cleanups.push(() => Promise.all(instances.map((instance) => instance.stop())).then(() => undefined));
    // Together, as a deployment's instances start: the advisory lock lets one migrate and seed.
    await Promise.all(instances.map((instance) => instance.start()));

    say(
      [
        '',
        'Jobgate cluster is running',
        `  proxy (use this)  ${proxy.url}   admin console ${proxy.url}/admin`,
        ...instances.map((instance) => `  ${instance.name}             ${instance.url}   pid ${instance.pid}   log ${path.join(workDir, `${instance.name}.log`)}`),
        `  bucket            ${s3.endpoint}/${s3.bucket} (s3rver)`,
        `  database          ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in ' + path.join(workDir, 'postgres')}`,
        `  sign in           organization ${login.slug}, ${login.email}, password ${login.password}`,
        '',
        'Restart one instance with `kill <pid>`: it drains, the proxy sends its traffic to the other, and it is started again.',
        'Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
    emit({ event: 'ready', proxy: proxy.url, instances: instances.map((instance) => ({ name: instance.name, url: instance.url, pid: instance.pid })) });
  } catch (err) {
    say(`cluster: ${(err as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

void main();
