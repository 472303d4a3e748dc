/**
 * The server half of the applies benchmark, in its own process: the real app
 * (createServices + buildApp, as main.ts does) on port 0, with one organization and
 * one published posting. Talks to its parent over IPC:
 *   → { type: 'ready', base, postingsKey, postingId, organizationId }
 *   ← 'statements'  → { type: 'statements', count }   (every statement sent through knex)
 *   ← { type: 'profile-start' } / { type: 'profile-stop', file }   a V8 CPU profile of just that window
 *   ← 'stop'        closes and exits
 * Env: BENCH_DB_URL, plus any JOBGATE_* the parent passes.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../src/config';
import { connectOrm } from '../../../src/app/orm-config';
import { buildApp } from '../../../src/app/build-app';
import { createServices } from '../../../src/app/services';
import { createLogger } from '../../../src/logger';
import { createBenchOrg } from '../lib/bench-app';

async function main(): Promise<void> {
  const url = process.env.BENCH_DB_URL;
  if (!url || !process.send) throw new Error('run by scripts/bench/applies.ts (needs BENCH_DB_URL and an IPC channel)');
  const config = loadConfig({ ...process.env, DATABASE_URL: url, JOBGATE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), LOG_LEVEL: 'warn', JOBGATE_DEMO: 'false', PORT: '0' });
  // No onQuery hook: the ORM's query logging would format every statement and cost CPU the figure should not include.
  const orm = await connectOrm({ clientUrl: url, poolMax: 10 });
  const statements = { count: 0 };
  orm.em.getKnex().on('query', () => void (statements.count += 1));
  const services = await createServices(config, orm, createLogger('warn'));
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const close = async () => {
    await app.close();
    await services.close();
    await orm.close();
  };
  const org = await createBenchOrg({ base, services, orm, queries: { count: 0 }, close }, 1);
  const [{ id: postingId }] = await orm.em.fork().getConnection().execute<{ id: string }[]>('select id from postings where organization_id = ? limit 1', [org.id]);

  // The profiler runs only over the measured window, so start-up (module loading, transpiling) stays out of it.
  const inspector = new Session();
  inspector.connect();
  process.on('message', (message: unknown) => {
    if (message === 'statements') process.send!({ type: 'statements', count: statements.count });
    if ((message as { type?: string }).type === 'profile-start') {
      void inspector.post('Profiler.enable').then(() => inspector.post('Profiler.start')).then(() => process.send!({ type: 'profiling' }));
    }
    if ((message as { type?: string }).type === 'profile-stop') {
      const file = (message as { file: string }).file;
      void inspector.post('Profiler.stop').then(({ profile }) => {
        fs.writeFileSync(file, JSON.stringify(profile));
        process.send!({ type: 'profiled', file });
      });
    }
    if (message === 'stop') void close().then(() => process.exit(0));
  });
  process.send({ type: 'ready', base, postingsKey: org.postingsKey, postingId, organizationId: org.id });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
