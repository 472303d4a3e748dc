/**
 * Public postings throughput against the raw baseline, and SQL statements per request.
 *
 *   npx vite-node scripts/bench/public-postings.ts -- [--postings 10000] [--seconds 5]
 *
 * One organization with N synthetic postings (the project's seeder). For each query
 * (plain; filter + search) autocannon runs, one after another in this order: the raw
 * baseline, our app with the public cache off (JOBGATE_PUBLIC_CACHE_BYTES=0), our app
 * with it on. Each target runs in its own phase so they never compete for the 2 cores;
 * the alternation keeps drift (thermal, noisy neighbours) from favouring one side.
 */
import { startBenchApp, createBenchOrg, publicGql } from './lib/bench-app';
import { intFlag } from './lib/args';
import { openBenchDatabase } from './lib/bench-database';
import { load, ratio, type LoadResult } from './lib/load';
import { POSTINGS_QUERY, requestBody, VARIANTS } from './lib/postings-query';
import { machineLine, table, writeSection } from './lib/report';
import { startRawBaseline } from './raw-baseline-server';

const CONNECTIONS = 20;

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

async function main() {
  const postings = intFlag(process.argv, 'postings', 10_000);
  const seconds = intFlag(process.argv, 'seconds', 5);
  const db = await openBenchDatabase('jobgate_bench_public');
  const uncached = await startBenchApp(db.url, { JOBGATE_PUBLIC_CACHE_BYTES: '0' });
  const cached = await startBenchApp(db.url);
  try {
    const started = performance.now();
    const org = await createBenchOrg(uncached, postings);
    console.error(`seeded ${postings} postings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const raw = await startRawBaseline(db.url, org.id, uncached.services.config.publicUrl);
    const auth = { authorization: `Bearer ${org.postingsKey}` };

    // Same data from both servers before any timing (compared with keys sorted: jsonb columns come back in
    // PostgreSQL's key order, GraphQL writes the selection's order; the bytes are otherwise the same).
    for (const v of VARIANTS) {
      const ours = await publicGql(uncached.base, POSTINGS_QUERY, { first: 50, after: null, filter: v.filter }, org.postingsKey);
      const theirs = (await (await fetch(raw.url, { method: 'POST', body: requestBody(50, v.filter) })).json()) as { data: unknown };
      if (canonical(ours) !== canonical(theirs.data)) console.error(`WARNING: raw baseline and app differ for ${v.name}`);
    }

    const rows: (string | number)[][] = [];
    for (const v of VARIANTS) {
      const body = requestBody(50, v.filter);
      const run = (url: string, headers: Record<string, string> = {}) => load({ url, body, headers, connections: CONNECTIONS, durationSeconds: seconds });
      // Unmeasured warm-up of each target (JIT, pools, plan caches), then the measured phases.
      for (const url of [raw.url, `${uncached.base}/public/graphql`, `${cached.base}/public/graphql`]) await load({ url, body, headers: auth, connections: CONNECTIONS, durationSeconds: 1 });
      const r: LoadResult = await run(raw.url);
      const u = await run(`${uncached.base}/public/graphql`, auth);
      const c = await run(`${cached.base}/public/graphql`, auth);
      console.error(`${v.name}: raw ${r.requestsPerSecond}/s, uncached ${u.requestsPerSecond}/s, cached ${c.requestsPerSecond}/s`);
      const goal = (x: LoadResult, min: number) => `${ratio(x.requestsPerSecond, r.requestsPerSecond)} (goal ≥ ${min}×: ${x.requestsPerSecond >= min * r.requestsPerSecond ? 'met' : '**missed**'})`;
      rows.push([v.name, 'raw baseline', r.requestsPerSecond, r.p50Ms, r.p99Ms, r.non2xx + r.errors, '1.00×']);
      rows.push([v.name, 'ours, uncached', u.requestsPerSecond, u.p50Ms, u.p99Ms, u.non2xx + u.errors, goal(u, 0.5)]);
      rows.push([v.name, 'ours, cached', c.requestsPerSecond, c.p50Ms, c.p99Ms, c.non2xx + c.errors, goal(c, 2)]);
    }

    // SQL statements per request, counted by the ORM's onQuery hook on the uncached app.
    const sqlRows: (string | number)[][] = [];
    for (const first of [10, 50, 100]) {
      for (const v of VARIANTS) {
        await publicGql(uncached.base, POSTINGS_QUERY, { first, after: null, filter: v.filter }, org.postingsKey); // credential cache warm
        const before = uncached.queries.count;
        await publicGql(uncached.base, POSTINGS_QUERY, { first, after: null, filter: v.filter }, org.postingsKey);
        sqlRows.push([first, v.name, uncached.queries.count - before]);
      }
    }
    await raw.close();

    const markdown = [
      '## Public postings throughput',
      '',
      `\`postings(first: 50)\` with totalCount, all seven facets and every posting field, on an organization with ${postings.toLocaleString('en')}`,
      `synthetic postings; autocannon over loopback, ${CONNECTIONS} connections, ${seconds} s per phase after a 1 s warm-up; phases run one at a time`,
      'in the order raw → uncached → cached for each query. The raw baseline (`scripts/bench/raw-baseline-server.ts`) is `node:http` + `pg`',
      "running the same SQL builders as `public-postings.query.ts` and writing the same JSON (checked equal, keys sorted, before timing); it checks no key.",
      '"Uncached" is the app with `JOBGATE_PUBLIC_CACHE_BYTES=0`. Filter + search: `teams: [Engineering, Product], countries: [US, DE], search: "typescript"`.',
      `Run: \`npx vite-node scripts/bench/public-postings.ts -- --postings ${postings}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['query', 'server', 'requests/s', 'p50 ms', 'p99 ms', 'errors + non-2xx', 'vs raw'], rows),
      '',
      '### SQL statements per public request',
      '',
      'Counted with the ORM `onQuery` hook, credential already cached (uncached app). Must not grow with the page size.',
      '',
      table(['first', 'query', 'SQL statements'], sqlRows),
    ].join('\n');
    writeSection('public-postings', markdown);
    process.stdout.write(markdown + '\n');
  } finally {
    await cached.close();
    await uncached.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
