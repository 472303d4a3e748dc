/**
 * Credential verification benchmark, in one run:
 *  - µs and SQL statements per verification of a data key on a cache hit and on a
 *    miss (the cache cleared before each call), next to a session verification;
 *  - requests per second of `{ organization { id } }` with a session and with a data
 *    key, and of an unauthenticated `{ __typename }`, over loopback with autocannon.
 *
 *   npx vite-node scripts/bench/credential-verification.ts
 */
import type { AddressInfo } from 'node:net';
import type { RequestMeta } from '../../src/auth/principal';
import { loadConfig } from '../../src/config';
import { connectOrm } from '../../src/app/orm-config';
import { buildApp } from '../../src/app/build-app';
import { createLogger } from '../../src/logger';
import { Plan } from '../../src/modules/organizations/organization.entity';
import { createServices, type Services } from '../../src/app/services';
import { runBench, type BenchRun } from './lib/runner';
import { load, type LoadResult } from './lib/load';
import { intFlag } from './lib/args';
import { machineLine, table } from './lib/report';

const HIT_ITERATIONS = 20_000;
const MISS_ITERATIONS = 2_000;

interface Timing {
  micros: number;
  statements: number;
}

async function time(services: Services, queries: { count: number }, iterations: number, secret: string, before?: () => void): Promise<Timing> {
  const meta: RequestMeta = { ip: '127.0.0.1', userAgent: null, requestId: 'bench', headers: { authorization: `Bearer ${secret}` } };
  await services.authenticator.authenticate(meta); // warm up
  let elapsed = 0n;
  const startCount = queries.count;
  for (let i = 0; i < iterations; i++) {
    before?.();
    const started = process.hrtime.bigint();
    await services.authenticator.authenticate(meta);
    elapsed += process.hrtime.bigint() - started;
  }
  return { micros: Number(elapsed) / 1000 / iterations, statements: (queries.count - startCount) / iterations };
}

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const hitIterations = intFlag(argv, 'hits', HIT_ITERATIONS);
  const missIterations = intFlag(argv, 'misses', MISS_ITERATIONS);
  const seconds = intFlag(argv, 'seconds', 5);
  const config = loadConfig({
    DATABASE_URL: db.url,
    JOBGATE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    LOG_LEVEL: 'warn',
    JOBGATE_DEMO: 'false',
    PORT: '0',
  });
  const queries = { count: 0 };
  const orm = await connectOrm({ clientUrl: db.url, poolMax: 10, onQuery: () => void (queries.count += 1) });
  const services = await createServices(config, orm, createLogger('warn'));
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  try {
    const slug = `bench-${Date.now().toString(36)}`;
    await services.signup.createOrganization({ slug, name: 'Bench', plan: Plan.FULL, adminEmail: `admin@${slug}.test`, adminPassword: 'a long bench password' });
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: JSON.stringify({ query, variables }),
      });
      return res.json() as { data: Record<string, Record<string, unknown>> };
    };
    const login = await gql('mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }', {
      s: slug,
      e: `admin@${slug}.test`,
      p: 'a long bench password',
    });
    const session = login.data.login.token as string;
    const created = await gql(
      'mutation($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret } }',
      { input: { name: 'bench', operations: ['organization.read'], rateLimitPerMinute: 100_000 } },
      session,
    );
    const key = created.data.createApiCredential.secret as string;

    const hit = await watch.phase('cache hit', () => time(services, queries, hitIterations, key));
    const miss = await watch.phase('cache miss', () => time(services, queries, missIterations, key, () => services.credentialVerifier.clear()));
    const sessionTiming = await watch.phase('session', () => time(services, queries, missIterations, session));

    const body = (query: string) => JSON.stringify({ query });
    const runs: [string, LoadResult][] = [
      ['unauthenticated `{ __typename }`', await load({ url, body: body('{ __typename }'), durationSeconds: seconds, watch, phase: 'HTTP unauthenticated' })],
      ['session `{ organization { id } }`', await load({ url, body: body('{ organization { id } }'), headers: { authorization: `Bearer ${session}` }, durationSeconds: seconds, watch, phase: 'HTTP session' })],
      ['data key `{ organization { id } }`', await load({ url, body: body('{ organization { id } }'), headers: { authorization: `Bearer ${key}` }, durationSeconds: seconds, watch, phase: 'HTTP data key' })],
    ];
    await services.credentialUsage.flush();

    const fmt = (n: number, digits = 1) => n.toFixed(digits);
    const markdown = [
      '## Credential verification',
      '',
      'In-process timing of `Authenticator.authenticate` (checksum → SHA-256 → LRU → SQL on a miss → status, IP, rate limit →',
      `principal), then requests per second of the whole HTTP + GraphQL path over loopback (autocannon, 20 connections, ${seconds} s).`,
      'A miss clears the cache before every call; a session is verified against the database on every request.',
      'Run: `npx vite-node scripts/bench/credential-verification.ts`.',
      '',
      machineLine(db.serverVersion),
      '',
      table(
        ['verification', 'µs per call', 'SQL statements per call'],
        [
          [`data key, cache hit (${hitIterations.toLocaleString('en')} calls)`, fmt(hit.micros), fmt(hit.statements, 3)],
          [`data key, cache miss (${missIterations.toLocaleString('en')} calls)`, fmt(miss.micros), fmt(miss.statements, 3)],
          [`session (${missIterations.toLocaleString('en')} calls)`, fmt(sessionTiming.micros), fmt(sessionTiming.statements, 3)],
        ],
      ),
      '',
      table(
        ['request', 'requests/s', 'p50 ms', 'p99 ms', 'non-2xx'],
        runs.map(([name, r]) => [name, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.non2xx]),
      ),
      '',
      'Usage counters are flushed in one batched UPDATE per interval, so they add no statement to the hit path.',
    ].join('\n');
    return markdown;
  } finally {
    await app.close();
    await services.close();
    await orm.close();
  }
}


void runBench({ section: 'credentials', database: 'jobgate_bench_credentials', body });
