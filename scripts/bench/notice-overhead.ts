/**
 * What search-engine notices cost a posting update: requests/s of `updatePosting` by
 * the admin, on an instance with notices off (no search engine configured) and one
 * with IndexNow and Google's Indexing API on (local receivers; the Google one checks
 * the service account's token), both in this process on the same database, rounds
 * alternating so drift hits both alike. The "on" instance's worker sends the notices
 * while the load runs, so its cost is counted. Goal: under 5 % fewer requests/s.
 *
 *   npx vite-node scripts/bench/notice-overhead.ts -- --seconds 5 --rounds 3
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app/build-app';
import { connectOrm } from '../../src/app/orm-config';
import { createServices } from '../../src/app/services';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { Plan } from '../../src/modules/organizations/organization.entity';
import { startGoogleReceivers } from '../../test/distribution/google-receivers';
import { intFlag } from './lib/args';
import { load, type LoadResult } from './lib/load';
import { machineLine, table } from './lib/report';
import { runBench, type BenchRun } from './lib/runner';

async function instance(dbUrl: string, env: Record<string, string>) {
  const config = loadConfig({ DATABASE_URL: dbUrl, JOBGATE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), LOG_LEVEL: 'warn', JOBGATE_DEMO: 'false', PORT: '0', ...env });
  const orm = await connectOrm({ clientUrl: dbUrl, poolMax: 10 });
  const services = await createServices(config, orm, createLogger('warn'));
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  return {
    services,
    url,
    async close() {
      await app.close();
      await services.close();
      await orm.close();
    },
  };
}

async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const seconds = intFlag(argv, 'seconds', 5);
  const rounds = intFlag(argv, 'rounds', 3);
  const google = await startGoogleReceivers();
  let indexNowUrls = 0;
  const indexNow = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      indexNowUrls += (JSON.parse(raw) as { urlList: string[] }).urlList.length;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => indexNow.listen(0, '127.0.0.1', r));
  const off = await instance(db.url, { JOBGATE_WORKER: 'false' });
  const on = await instance(db.url, {
    JOBGATE_INDEXNOW_ENDPOINT: `http://127.0.0.1:${(indexNow.address() as AddressInfo).port}/indexnow`,
    JOBGATE_GOOGLE_INDEXING_CREDENTIALS: google.keyPath,
    JOBGATE_GOOGLE_INDEXING_ENDPOINT: google.batchEndpoint,
    JOBGATE_GOOGLE_INDEXING_DAILY_QUOTA: '1000000000',
    JOBGATE_WORKER_POLL_INTERVAL_MS: '500',
  });
  try {
    const slug = `bench-${Date.now().toString(36)}`;
    await off.services.signup.createOrganization({ slug, name: 'Bench', plan: Plan.FULL, adminEmail: `admin@${slug}.test`, adminPassword: 'a long bench password' });
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(off.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      const json = (await res.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return json.data;
    };
    const token = (await gql('mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }', { s: slug, e: `admin@${slug}.test`, p: 'a long bench password' })).login
      .token as string;
    await gql('mutation { updateOrganizationSettings(input: { submitHostedPages: true }) { settingsVersion } }', {}, token);
    const input = { title: 'Software Engineer', state: 'PUBLISHED', locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }], descriptionHtml: '<p>Build things.</p>' };
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await gql('mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }', { input }, token)).createPosting.id as string);
    // An update that changes nothing notifies no one: each posting's title flips between two values.
    const updateOf = (id: string, title: string) => JSON.stringify({ query: 'mutation($id: ID!, $title: String!) { updatePosting(id: $id, input: { title: $title }) { id } }', variables: { id, title } });
    const bodies = [...ids.map((id) => updateOf(id, 'Software Engineer (m/f/d)')), ...ids.map((id) => updateOf(id, 'Software Engineer'))];
    // One update through each instance first: a GraphQL error would answer 200 and go unnoticed under load.
    for (const [url, body] of [[off.url, bodies[0]], [on.url, bodies[ids.length]]]) {
      const res = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })).json()) as { errors?: unknown };
      if (res.errors) throw new Error(`updatePosting failed: ${JSON.stringify(res.errors)}`);
    }
    const request = (url: string) => ({ url, bodyOf: inTurn(bodies), headers: { authorization: `Bearer ${token}` }, durationSeconds: seconds });

    await load({ ...request(off.url), durationSeconds: 1 }); // warm-up, not reported
    await load({ ...request(on.url), durationSeconds: 1 });
    const offRuns: LoadResult[] = [];
    const onRuns: LoadResult[] = [];
    for (let i = 0; i < rounds; i++) {
      offRuns.push(await load({ ...request(off.url), watch, phase: `round ${i + 1} notices off` }));
      onRuns.push(await load({ ...request(on.url), watch, phase: `round ${i + 1} notices on` }));
    }
    const failures = [...offRuns, ...onRuns].reduce((n, r) => n + r.errors + r.non2xx, 0);
    if (failures) throw new Error(`${failures} updates failed`);
    // The notices really went out (a benchmark of a switched-off path would prove nothing).
    const deadline = Date.now() + 30_000;
    while ((indexNowUrls === 0 || google.batches.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (indexNowUrls < 2 || google.batches.length < 2) throw new Error('the "on" instance sent no notices under load');
    const sum = (rs: LoadResult[]) => rs.reduce((n, r) => n + r.requestsPerSecond, 0);
    const overhead = (1 - sum(onRuns) / sum(offRuns)) * 100;
    return [
      '## Search-engine notices overhead',
      '',
      `Requests/s of \`updatePosting\` (admin session, 20 public postings of an organization that submits its hosted pages, each title flipping between two values), on an instance with`,
      `no search engine configured and on one with IndexNow and Google's Indexing API (local receivers), alternating, ${rounds} rounds of ${seconds} s each`,
      '(autocannon, 20 connections, loopback, one process, one database). Each update writes one outbox row in its transaction; a pump hands them, merged, to one job per engine every 500 ms (the worker poll interval here), and the worker sends them.',
      `Run: \`npx vite-node scripts/bench/notice-overhead.ts -- --seconds ${seconds} --rounds ${rounds}\`. Goal: under 5 % overhead.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(
        ['round', 'notices off: requests/s', 'notices on: requests/s', 'p99 ms off / on'],
        offRuns.map((r, i) => [String(i + 1), r.requestsPerSecond, onRuns[i].requestsPerSecond, `${r.p99Ms} / ${onRuns[i].p99Ms}`]),
      ),
      '',
      `**Overhead: ${overhead.toFixed(1)} %** fewer requests/s with notices on (sum of rounds; negative means within noise) — goal < 5 %: ${overhead < 5 ? 'met' : 'NOT met'}.`,
      `Sent meanwhile: ${indexNowUrls} IndexNow URLs, ${google.batches.length} Google batches.`,
    ].join('\n');
  } finally {
    await on.close();
    await off.close();
    await google.close();
    await new Promise((r) => indexNow.close(r));
  }
}

void runBench({ section: 'notice-overhead', database: 'jobgate_bench_notice_overhead', body });

/** The bodies one after another, round and round: each update changes the title, so each one is a real change. */
function inTurn(bodies: string[]): () => string {
  let next = 0;
  return () => bodies[next++ % bodies.length]!;
}
