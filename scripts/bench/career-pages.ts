/**
 * Hosted career pages against the public GraphQL API for the same data, in one run.
 *
 *   npx vite-node scripts/bench/career-pages.ts -- [--postings 10000] [--seconds 5]
 *
 * One organization with N synthetic postings. The board (GET /jobs/:slug: 20 postings,
 * the total and six facets, rendered to HTML) is measured against `postings(first: 20)`
 * asking for the same fields; the posting page (GET /jobs/:slug/:id with JSON-LD)
 * against `posting(id)` with every field. Each pair runs uncached
 * (JOBGATE_PUBLIC_CACHE_BYTES=0) and cached, one phase at a time, API first.
 */
import { createBenchOrg, publicGql, startBenchApp } from './lib/bench-app';
import { intFlag } from './lib/args';
import { runBench, type BenchRun } from './lib/runner';
import type { LoadWatch } from './lib/load-average';
import { load, ratio, type LoadResult } from './lib/load';
import { machineLine, table } from './lib/report';

const CONNECTIONS = 20;

const BOARD_QUERY = `query { postings(first: 20) {
  totalCount
  facets { teams { value count } departments { value count } locations { value count } commitments { value count } levels { value count } workplaceTypes { value count } }
  edges { cursor node { id title team commitment workplaceType locations { name } } }
  pageInfo { hasNextPage endCursor }
} }`;

const POSTING_QUERY = (id: string) => `query { posting(id: "${id}") {
  id title team department commitment level workplaceType country locations { name city region countryCode postalCode }
  openingHtml descriptionHtml additionalHtml lists { title contentHtml } salaryRange { min max currency interval } salaryDescription
  questions { id label kind required options } hostedUrl applyUrl publishedAt updatedAt
} }`;

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const postings = intFlag(argv, 'postings', 10_000);
  const seconds = intFlag(argv, 'seconds', 5);
  const uncached = await startBenchApp(db.url, { JOBGATE_PUBLIC_CACHE_BYTES: '0' });
  const cached = await startBenchApp(db.url);
  try {
    const org = await createBenchOrg(uncached, postings);
    const auth = { authorization: `Bearer ${org.postingsKey}` };
    const first = (await publicGql(uncached.base, 'query { postings(first: 1) { nodes { id } } }', {}, org.postingsKey)) as { postings: { nodes: { id: string }[] } };
    const postingId = first.postings.nodes[0]!.id;
    const pairs = [
      { name: 'board', api: BOARD_QUERY, page: `/jobs/${org.slug}` },
      { name: 'posting', api: POSTING_QUERY(postingId), page: `/jobs/${org.slug}/${postingId}` },
    ];
    const rows: (string | number)[][] = [];
    for (const pair of pairs) {
      const body = JSON.stringify({ query: pair.api });
      for (const [mode, app] of [['uncached', uncached], ['cached', cached]] as const) {
        const api = (duration: number, timed?: LoadWatch) =>
          load({ url: `${app.base}/public/graphql`, body, headers: auth, connections: CONNECTIONS, durationSeconds: duration, watch: timed, phase: `${pair.name} ${mode} API` });
        const page = (duration: number, timed?: LoadWatch) =>
          load({ url: `${app.base}${pair.page}`, method: 'GET', connections: CONNECTIONS, durationSeconds: duration, watch: timed, phase: `${pair.name} ${mode} page` });
        await api(1);
        await page(1);
        const a: LoadResult = await api(seconds, watch);
        const p: LoadResult = await page(seconds, watch);
        console.error(`${pair.name} ${mode}: API ${a.requestsPerSecond}/s, page ${p.requestsPerSecond}/s`);
        const goal = mode === 'cached' ? 1 : pair.name === 'board' ? 0.5 : null;
        const verdict = goal === null ? '' : ` (goal ≥ ${goal}×: ${p.requestsPerSecond >= goal * a.requestsPerSecond ? 'met' : '**missed**'})`;
        rows.push([pair.name, mode, 'public GraphQL', a.requestsPerSecond, a.p50Ms, a.p99Ms, a.non2xx + a.errors, '1.00×']);
        rows.push([pair.name, mode, 'HTML page', p.requestsPerSecond, p.p50Ms, p.p99Ms, p.non2xx + p.errors, `${ratio(p.requestsPerSecond, a.requestsPerSecond)}${verdict}`]);
      }
    }
    const markdown = [
      '## Hosted career pages',
      '',
      `The board (\`GET /jobs/:slug\`: 20 postings grouped by team, the total and six facet selects, as HTML) against \`postings(first: 20)\``,
      'asking for the same fields, and the posting page (`GET /jobs/:slug/:id`, with JSON-LD and OpenGraph) against `posting(id)` with every field,',
      `on an organization with ${postings.toLocaleString('en')} synthetic postings. autocannon over loopback, ${CONNECTIONS} connections, ${seconds} s per phase after`,
      'a 1 s warm-up, one phase at a time. Uncached = `JOBGATE_PUBLIC_CACHE_BYTES=0`; cached pages share the public API\'s response cache and',
      'its invalidation. Goals: cached pages ≥ the cached API; uncached board ≥ 0.5× the uncached API.',
      `Run: \`npx vite-node scripts/bench/career-pages.ts -- --postings ${postings} --seconds ${seconds}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['page', 'cache', 'server', 'requests/s', 'p50 ms', 'p99 ms', 'errors + non-2xx', 'vs API'], rows),
    ].join('\n');
    return markdown;
  } finally {
    await cached.close();
    await uncached.close();
  }
}


void runBench({ section: 'career-pages', database: 'jobgate_bench_career_pages', body });
