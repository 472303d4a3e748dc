/**
 * Public postings throughput against two raw baselines, and SQL statements per request.
 *
 *   npx vite-node scripts/bench/public-postings.ts -- [--postings 10000,100000] [--seconds 5]
 *
 * For each size, one organization with N synthetic postings (the project's seeder;
 * each size adds its own organization to the same database). For each query
 * (plain; filter + search) autocannon runs, one after another in this order:
 * - raw GROUP-BY: the raw baseline as it was before the counts table (totals and
 *   facets grouped over every visible posting, every column, a separate
 *   organization lookup, unnamed statements);
 * - raw counts-table: the same raw server sending the app's current statements;
 * - our app with the public cache off (JOBGATE_PUBLIC_CACHE_BYTES=0);
 * - our app with it on.
 * Each target runs in its own phase so they never compete for the 2 cores.
 */
import { startBenchApp, createBenchOrg, publicGql } from './lib/bench-app';
import { intFlag } from './lib/args';
import { load, ratio, type LoadResult } from './lib/load';
import { PAGE_SIZE, POSTINGS_QUERY, requestBody, VARIANTS } from './lib/postings-query';
import { machineLine, table } from './lib/report';
import { runBench, type BenchRun } from './lib/runner';
import { waitUntilDatabaseIdle } from './lib/database-idle.repository';
import { startRawBaseline, type RawBaselineMode } from './raw-baseline-server';

const CONNECTIONS = 20;
const GOALS = { vsGroupBy: 5, vsCountsTable: 0.5, cachedVsCountsTable: 2, flat: 1.3 };

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

function sizesFlag(argv: string[]): number[] {
  const at = argv.indexOf('--postings');
  const text = at >= 0 ? argv[at + 1] : undefined;
  return text ? text.split(',').map((n) => Number(n)) : [10_000, 100_000];
}

const verdict = (value: number, goal: number, atMost = false) => ((atMost ? value <= goal : value >= goal) ? 'met' : '**missed**');

/** Page sizes of the SQL-statements table: small, the API's default, and the benchmark's page (all under the public cost limit). */
const STATEMENT_PAGE_SIZES = [10, 20, PAGE_SIZE];

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const sizes = sizesFlag(argv);
  const seconds = intFlag(argv, 'seconds', 5);
  const uncached = await startBenchApp(db.url, { JOBGATE_PUBLIC_CACHE_BYTES: '0' });
  const cached = await startBenchApp(db.url);
  const rows: (string | number)[][] = [];
  const sqlRows: (string | number)[][] = [];
  const uncachedBySize = new Map<string, number[]>();
  try {
    for (const postings of sizes) {
      const started = performance.now();
      const org = await createBenchOrg(uncached, postings);
      console.error(`seeded ${postings} postings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const publicUrl = uncached.services.config.publicUrl;
      const raws: Record<RawBaselineMode, Awaited<ReturnType<typeof startRawBaseline>>> = {
        'group-by': await startRawBaseline(db.url, org.id, publicUrl, 'group-by'),
        'counts-table': await startRawBaseline(db.url, org.id, publicUrl, 'counts-table'),
      };
      const auth = { authorization: `Bearer ${org.postingsKey}` };
      try {
        // Same data from every server before any timing (keys sorted: jsonb columns come back in PostgreSQL's key order).
        for (const v of VARIANTS) {
          const ours = canonical(await publicGql(uncached.base, POSTINGS_QUERY, { first: PAGE_SIZE, after: null, filter: v.filter }, org.postingsKey));
          for (const [mode, raw] of Object.entries(raws)) {
            const theirs = (await (await fetch(raw.url, { method: 'POST', body: requestBody(PAGE_SIZE, v.filter) })).json()) as { data: unknown };
            if (ours !== canonical(theirs.data)) throw new Error(`raw baseline (${mode}) and app differ for ${v.name} at ${postings} postings`);
          }
        }
        for (const v of VARIANTS) {
          const body = requestBody(PAGE_SIZE, v.filter);
          // Each phase starts on an idle database: a slow phase's queued statements run on after its load stops.
          const run = async (server: string, url: string, headers: Record<string, string> = {}) => {
            await waitUntilDatabaseIdle(db.url);
            return load({ url, body, headers, connections: CONNECTIONS, durationSeconds: seconds, watch, phase: `${postings} ${v.name} ${server}` });
          };
          const urls = [raws['group-by'].url, raws['counts-table'].url, `${uncached.base}/public/graphql`, `${cached.base}/public/graphql`];
          // Unmeasured warm-up of each target (JIT, pools, prepared statements), then the measured phases.
          for (const url of urls) await load({ url, body, headers: auth, connections: CONNECTIONS, durationSeconds: 1 });
          const g: LoadResult = await run('raw GROUP-BY', urls[0]!);
          const t: LoadResult = await run('raw counts-table', urls[1]!);
          const u = await run('uncached', urls[2]!, auth);
          const c = await run('cached', urls[3]!, auth);
          console.error(`${postings} ${v.name}: raw group-by ${g.requestsPerSecond}/s, raw counts-table ${t.requestsPerSecond}/s, uncached ${u.requestsPerSecond}/s, cached ${c.requestsPerSecond}/s`);
          uncachedBySize.set(v.name, [...(uncachedBySize.get(v.name) ?? []), u.requestsPerSecond]);
          const vs = (x: LoadResult, base: LoadResult, goal: number) => `${ratio(x.requestsPerSecond, base.requestsPerSecond)} (goal ≥ ${goal}×: ${verdict(x.requestsPerSecond / base.requestsPerSecond, goal)})`;
          const size = postings.toLocaleString('en');
          const line = (name: string, x: LoadResult, vsG: string, vsT: string) => [size, v.name, name, x.requestsPerSecond, x.p50Ms, x.p99Ms, x.non2xx + x.errors, vsG, vsT];
          rows.push(line('raw GROUP-BY baseline', g, '1.00×', ratio(g.requestsPerSecond, t.requestsPerSecond)));
          rows.push(line('raw counts-table baseline', t, ratio(t.requestsPerSecond, g.requestsPerSecond), '1.00×'));
          rows.push(line('ours, uncached', u, vs(u, g, GOALS.vsGroupBy), vs(u, t, GOALS.vsCountsTable)));
          rows.push(line('ours, cached', c, ratio(c.requestsPerSecond, g.requestsPerSecond), vs(c, t, GOALS.cachedVsCountsTable)));
        }
        // SQL statements per request, counted by the ORM's logger on the uncached app.
        for (const first of STATEMENT_PAGE_SIZES) {
          for (const v of VARIANTS) {
            await publicGql(uncached.base, POSTINGS_QUERY, { first, after: null, filter: v.filter }, org.postingsKey); // credential cache warm
            const before = uncached.queries.count;
            await publicGql(uncached.base, POSTINGS_QUERY, { first, after: null, filter: v.filter }, org.postingsKey);
            sqlRows.push([postings.toLocaleString('en'), first, v.name, uncached.queries.count - before]);
          }
        }
      } finally {
        for (const raw of Object.values(raws)) await raw.close();
      }
    }

    const flatRows = [...uncachedBySize.entries()].map(([name, rps]) => {
      const slowdown = rps[0]! / rps[rps.length - 1]!;
      return [name, sizes.map((n) => n.toLocaleString('en')).join(' → '), rps.join(' → '), `${slowdown.toFixed(2)}× slower (goal ≤ ${GOALS.flat}×: ${verdict(slowdown, GOALS.flat, true)})`];
    });
    const markdown = [
      '## Public postings throughput',
      '',
      `\`postings(first: ${PAGE_SIZE})\` with totalCount, all seven facets and every posting field, on an organization with N synthetic postings`,
      `(each size seeds its own organization in the same database); autocannon over loopback in the same process as the servers, ${CONNECTIONS} connections,`,
      `${seconds} s per phase after a 1 s warm-up of each target; phases run one at a time in the order raw GROUP-BY → raw counts-table → uncached → cached,`,
      'each once PostgreSQL runs no statement (a slow phase\'s queued statements run on after its load stops; before this wait they spilled into the next phases).',
      'Both raw baselines are `scripts/bench/raw-baseline-server.ts` (`node:http` + `pg`, the SQL builders of `public-postings.repository.ts`, the',
      'same JSON, checked equal to the app’s before timing, no key check). **Raw GROUP-BY** is the baseline as it was before the counts table:',
      'totals and facets grouped over every visible posting on every request, every column, a separate organization lookup, unnamed statements.',
      '**Raw counts-table** sends the app’s current statements (counts table, named prepared statements, organization joined into the page).',
      '"Uncached" is the app with `JOBGATE_PUBLIC_CACHE_BYTES=0`; it still checks the postings key, scopes to the organization and records metrics.',
      'Filter + search: `teams: [Engineering, Product], countries: [US, DE], search: "typescript"` (grouped over the filtered rows by design).',
      `Run: \`npx vite-node scripts/bench/public-postings.ts -- --postings ${sizes.join(',')} --seconds ${seconds}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['postings', 'query', 'server', 'requests/s', 'p50 ms', 'p99 ms', 'errors + non-2xx', 'vs raw GROUP-BY', 'vs raw counts-table'], rows),
      '',
      '### Flat with the organization\'s size (uncached)',
      '',
      table(['query', 'postings', 'requests/s', 'first size / last size'], flatRows),
      '',
      '### SQL statements per public request',
      '',
      'Counted through the ORM logger (prepared statements are logged there too), credential already cached (uncached app). Must not grow with the page size.',
      '',
      table(['postings', 'first', 'query', 'SQL statements'], sqlRows),
    ].join('\n');
    return markdown;
  } finally {
    await cached.close();
    await uncached.close();
  }
}

void runBench({ section: 'public-postings', database: 'jobgate_bench_public', body });
