/**
 * The service under measurement for upload-memory.test.ts, in its own process so the
 * test's own buffers never count: started with --expose-gc, it listens on a free
 * port, creates an organization, and answers `measure` messages over IPC.
 */
import 'reflect-metadata';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../src/config';
import { connectOrm } from '../../../src/app/orm-config';
import { buildApp } from '../../../src/app/build-app';
import { createServices } from '../../../src/app/services';
import { createLogger } from '../../../src/logger';
import { Plan } from '../../../src/modules/organizations/organization.entity';

declare const gc: () => void;

interface Peak {
  rss: number;
  arrayBuffers: number;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.MEMORY_TEST_DATABASE_URL!;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JOBGATE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    JOBGATE_DEMO: 'false',
    LOG_LEVEL: 'warn',
    JOBGATE_FILE_STORE: process.env.MEMORY_TEST_FILE_STORE ?? 'fs',
    JOBGATE_DATA_DIR: process.env.MEMORY_TEST_DATA_DIR!,
    // The measurement sends 20 uploads at once, several times: no limit may refuse them.
    JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY: '0',
    JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '0',
    JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_ORG: '0',
  });
  const logger = createLogger(config.logLevel, new Writable({ write: (_c, _e, done) => done() }));
  const orm = await connectOrm({ clientUrl: databaseUrl, poolMax: 10 });
  const services = await createServices(config, orm, logger);
  const app = await buildApp(services);
  const password = 'correct horse battery staple';
  await services.signup.createOrganization({ slug: 'memory', name: 'Memory', plan: Plan.FULL, adminEmail: 'admin@memory.test', adminPassword: password });
  const login = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query: `mutation { login(organizationSlug: "memory", email: "admin@memory.test", password: "${password}") { token } }` }),
  });
  const token = (login.json() as { data: { login: { token: string } } }).data.login.token;
  const address = await app.listen({ host: '127.0.0.1', port: 0 });

  let baseline: Peak = { rss: 0, arrayBuffers: 0 };
  let peak: Peak = baseline;
  // Each sample first runs a full GC: the peak then counts what is live (chunks in flight, files held
  // whole), not garbage that merely waits for V8's next collection (which alone is tens of MB).
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, m.rss), arrayBuffers: Math.max(peak.arrayBuffers, m.arrayBuffers) };
  };
  const sampler = setInterval(sample, 20);
  process.on('message', (message: string) => {
    if (message === 'start') {
      gc();
      gc();
      const m = process.memoryUsage();
      baseline = { rss: m.rss, arrayBuffers: m.arrayBuffers };
      peak = baseline;
      process.send!({ started: true });
    } else if (message === 'stop') {
      sample();
      process.send!({ rss: peak.rss - baseline.rss, arrayBuffers: peak.arrayBuffers - baseline.arrayBuffers, baselineRss: baseline.rss });
    } else if (message === 'exit') {
      clearInterval(sampler);
      void app.close().then(() => services.close()).then(() => orm.close()).then(() => process.exit(0));
    }
  });
  process.send!({ address, token });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
