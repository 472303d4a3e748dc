/**
 * The drop-in dialects' list endpoints against the public GraphQL list, same data, same run.
 *
 *   npx vite-node scripts/bench/compat.ts -- [--postings 10000] [--seconds 5]
 *
 * Lever: `GET /v0/postings/:site?limit=50` against `postings(first: 50)` selecting the
 * same posting fields (no totals or facets, which Lever has not). Greenhouse lists a
 * whole board with no paging, so it runs on a second organization of 100 postings:
 * `GET /v1/boards/:token/jobs` (and `?content=true`) against `postings(first: 100)`
 * selecting what a job carries. Each pair runs uncached (JOBGATE_PUBLIC_CACHE_BYTES=0)
 * and cached, one phase at a time so they never compete for the cores.
 */
import { intFlag } from './lib/args';
import { createBenchOrg, publicGql, startBenchApp, type BenchApp, type BenchOrg } from './lib/bench-app';
import { runBench, type BenchRun } from './lib/runner';
import type { LoadWatch } from './lib/load-average';
import { load, ratio, type LoadResult } from './lib/load';
import { machineLine, table } from './lib/report';

const CONNECTIONS = 20;

const LEVER_EQUIVALENT = `query($first: Int!) { postings(first: $first) { nodes {
  id title team department commitment level workplaceType country locations { name }
  openingHtml openingPlain descriptionHtml descriptionPlain additionalHtml additionalPlain
  lists { title contentHtml } salaryRange { min max currency interval } salaryDescription hostedUrl applyUrl publishedAt } } }`;
const GREENHOUSE_EQUIVALENT = `query($first: Int!) { postings(first: $first) { totalCount nodes { id title updatedAt locations { name } hostedUrl } } }`;
const GREENHOUSE_CONTENT_EQUIVALENT = `query($first: Int!) { postings(first: $first) { totalCount nodes {
  id title updatedAt locations { name city countryCode } hostedUrl team department openingHtml descriptionHtml lists { title contentHtml } additionalHtml } } }`;

interface Pair {
  name: string;
  dialect: { url: string };
  graphql: { url: string; body: string; key: string };
}

async function measure(apps: { uncached: BenchApp; cached: BenchApp }, pair: Pair, seconds: number, watch: LoadWatch): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const [label, app] of [['uncached', apps.uncached], ['cached', apps.cached]] as const) {
    const dialectUrl = app.base + pair.dialect.url;
    const gqlUrl = app.base + pair.graphql.url;
    const gqlOptions = { url: gqlUrl, body: pair.graphql.body, headers: { authorization: `Bearer ${pair.graphql.key}` }, connections: CONNECTIONS };
    // Unmeasured warm-up of both (JIT, pools, plan caches, and the cache itself when on).
    await load({ url: dialectUrl, method: 'GET', connections: CONNECTIONS, durationSeconds: 1 });
    await load({ ...gqlOptions, durationSeconds: 1 });
    const g: LoadResult = await load({ ...gqlOptions, durationSeconds: seconds, watch, phase: `${pair.name} ${label} GraphQL` });
    const d: LoadResult = await load({ url: dialectUrl, method: 'GET', connections: CONNECTIONS, durationSeconds: seconds, watch, phase: `${pair.name} ${label} dialect` });
    console.error(`${pair.name} ${label}: graphql ${g.requestsPerSecond}/s, dialect ${d.requestsPerSecond}/s`);
    const goal = d.requestsPerSecond >= g.requestsPerSecond ? 'met' : '**missed**';
    rows.push([pair.name, label, 'public GraphQL', g.requestsPerSecond, g.p50Ms, g.p99Ms, g.non2xx + g.errors, '1.00×']);
    rows.push([pair.name, label, 'dialect', d.requestsPerSecond, d.p50Ms, d.p99Ms, d.non2xx + d.errors, `${ratio(d.requestsPerSecond, g.requestsPerSecond)} (goal ≥ 1×: ${goal})`]);
  }
  return rows;
}

async function checkSameRows(app: BenchApp, org: BenchOrg, count: number): Promise<void> {
  const gql = (await publicGql(app.base, `query($first: Int!) { postings(first: $first) { nodes { id } } }`, { first: count }, org.postingsKey)) as { postings: { nodes: { id: string }[] } };
  const lever = (await (await fetch(`${app.base}/v0/postings/${org.slug}?limit=${count}`)).json()) as { id: string }[];
  const same = gql.postings.nodes.map((n) => n.id).join() === lever.map((p) => p.id).join();
  if (!same) console.error('WARNING: the Lever list and the GraphQL list differ');
}

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const postings = intFlag(argv, 'postings', 10_000);
  const seconds = intFlag(argv, 'seconds', 5);
  const uncached = await startBenchApp(db.url, { JOBGATE_PUBLIC_CACHE_BYTES: '0' });
  const cached = await startBenchApp(db.url);
  try {
    const big = await createBenchOrg(uncached, postings);
    const board = await createBenchOrg(uncached, 100);
    await checkSameRows(uncached, big, 50);
    const gqlBody = (query: string, first: number) => JSON.stringify({ query, variables: { first } });
    const pairs: Pair[] = [
      { name: `Lever list, limit 50 (${postings.toLocaleString('en')} postings)`, dialect: { url: `/v0/postings/${big.slug}?limit=50` }, graphql: { url: '/public/graphql', body: gqlBody(LEVER_EQUIVALENT, 50), key: big.postingsKey } },
      { name: 'Greenhouse jobs (board of 100)', dialect: { url: `/v1/boards/${board.slug}/jobs` }, graphql: { url: '/public/graphql', body: gqlBody(GREENHOUSE_EQUIVALENT, 100), key: board.postingsKey } },
      { name: 'Greenhouse jobs?content=true (board of 100)', dialect: { url: `/v1/boards/${board.slug}/jobs?content=true` }, graphql: { url: '/public/graphql', body: gqlBody(GREENHOUSE_CONTENT_EQUIVALENT, 100), key: board.postingsKey } },
    ];
    const rows: (string | number)[][] = [];
    for (const pair of pairs) rows.push(...(await measure({ uncached, cached }, pair, seconds, watch)));
    const markdown = [
      '## Drop-in dialects (Lever v0, Greenhouse) vs the public GraphQL list',
      '',
      'Each dialect list endpoint against a public GraphQL `postings` query selecting the same fields over the same rows (Lever: 50 of',
      `${postings.toLocaleString('en')} synthetic postings; Greenhouse: a whole board of 100, since its list has no paging and GraphQL pages at most 100).`,
      `autocannon over loopback, ${CONNECTIONS} connections, ${seconds} s per phase after 1 s warm-ups; GraphQL then dialect, uncached`,
      '(`JOBGATE_PUBLIC_CACHE_BYTES=0`) then cached. Both use the same query code and, cached, the same response cache. Goal: dialect ≥ 1× GraphQL.',
      `Run: \`npx vite-node scripts/bench/compat.ts -- --postings ${postings} --seconds ${seconds}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['list', 'cache', 'endpoint', 'requests/s', 'p50 ms', 'p99 ms', 'errors + non-2xx', 'vs GraphQL'], rows),
    ].join('\n');
    return markdown;
  } finally {
    await cached.close();
    await uncached.close();
  }
}


void runBench({ section: 'compat', database: 'jobgate_bench_compat', body });
