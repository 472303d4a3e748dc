/**
 * Depth of data: latency of page 1 against a page ~10 000 deep, reached by cursor,
 * for a plain list, a filter and a search, plus the EXPLAIN of the deep page.
 *
 *   npx vite-node scripts/bench/depth.ts -- [--postings 1000000] [--first 20] [--samples 30]
 *
 * Only the page is requested (edges + pageInfo): totalCount and facets cost the
 * same at any depth, so including them would only dilute the ratio being checked.
 * The deep cursor is built from the row at offset (page - 1) × first, found with one
 * OFFSET query, and encoded with the postings module's own encodeCursor. The app
 * runs with the public cache off, so every request reaches PostgreSQL.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { startBenchApp, createBenchOrg, publicGql } from './lib/bench-app';
import { intFlag } from './lib/args';
import { runBench, type BenchRun } from './lib/runner';
import { machineLine, table } from './lib/report';
import { PostingOrder, type PublicPostingFilter } from '../../src/modules/postings/public-posting.types';
import { numbered, preparedRows, type RowSource } from '../../src/db/prepared-statements';
import { encodeCursor, fetchPage, filterConditions, type PostingRow } from '../../src/modules/postings/public-postings.query';
import { publiclyVisibleSql } from '../../src/modules/postings/public-visibility';

const PAGE_QUERY = `query($first: Int!, $after: String, $filter: PostingFilter) {
  postings(first: $first, after: $after, filter: $filter) { edges { cursor node { id title team publishedAt } } pageInfo { hasNextPage endCursor } }
}`;

/** The node fields PAGE_QUERY selects, so the explained statement is the one the resolver sends. */
const PAGE_FIELDS = new Set(['id', 'title', 'team', 'publishedAt']);

const CASES: { name: string; filter: PublicPostingFilter | null }[] = [
  { name: 'plain', filter: null },
  { name: 'filter (team Engineering)', filter: { teams: ['Engineering'] } as PublicPostingFilter },
  { name: 'search ("typescript")', filter: { search: 'typescript' } as PublicPostingFilter },
];
const TARGET_PAGE = 10_000;

/** The cursor of the row just before `offset` in newest-first order, and how many rows match. */
async function cursorAt(em: EntityManager, organizationId: string, filter: PublicPostingFilter | null, offset: number): Promise<{ cursor: string | null; matches: number }> {
  const conditions = filterConditions(filter);
  const where = [`p.organization_id = ?`, publiclyVisibleSql('p'), ...conditions.map((c) => c.sql)].join(' and ');
  const params = [organizationId, ...conditions.flatMap((c) => c.params)];
  // Bind parameters, not the ORM's execute: it writes a list value into the SQL as
  // `'a', 'b'`, which turned the team filter's `any(?::text[])` into a malformed array literal.
  const db = preparedRows(em);
  const [{ n }] = await db.rows<{ n: string }>(numbered(`select count(*) as n from postings p where ${where}`), params);
  const matches = Number(n);
  if (offset <= 0) return { cursor: null, matches };
  const rows = await db.rows<{ id: string; published_key: string }>(
    numbered(`select p.id, (extract(epoch from p.published_at) * 1000000)::bigint::text as published_key from postings p where ${where}
     order by p.published_at desc, p.id desc offset ? limit 1`),
    [...params, offset - 1],
  );
  return { cursor: rows[0] ? encodeCursor(PostingOrder.NEWEST, rows[0] as PostingRow) : null, matches };
}

/** The page statement exactly as the resolver issues it, captured from fetchPage and run under EXPLAIN ANALYZE. */
async function explain(em: EntityManager, organizationId: string, filter: PublicPostingFilter | null, first: number, after: string | null): Promise<string[]> {
  let captured: { sql: string; params: unknown[] } | null = null;
  const recorder: RowSource = { rows: async <T>(sql: string, params: unknown[]) => ((captured = { sql, params }), [] as T[]) };
  await fetchPage(recorder, organizationId, filterConditions(filter), PostingOrder.NEWEST, first, after, PAGE_FIELDS);
  const { sql, params } = captured!;
  const plan = await preparedRows(em).rows<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, buffers off) ${sql}`, params);
  return plan.map((r) => r['QUERY PLAN']).filter((line) => /Scan|Index Cond|Filter|Limit|Execution Time|Rows Removed/.test(line));
}

/** Medians of `a` and `b`, sampled alternately so drift over the run favours neither. */
async function pairedMediansMs(a: () => Promise<unknown>, b: () => Promise<unknown>, samples: number): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < samples; i++) {
    for (const [k, run] of [a, b].entries()) {
      const started = performance.now();
      await run();
      times[k].push(performance.now() - started);
    }
  }
  const median = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)];
  return [median(times[0]), median(times[1])];
}

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const postings = intFlag(argv, 'postings', 1_000_000);
  const first = intFlag(argv, 'first', 20);
  const samples = intFlag(argv, 'samples', 30);
  const app = await startBenchApp(db.url, { JOBGATE_PUBLIC_CACHE_BYTES: '0' });
  try {
    const started = performance.now();
    let shown = 0;
    const org = await createBenchOrg(app, postings, (n) => {
      if (n - shown >= 100_000 || n === postings) console.error(`seeding: ${(shown = n)}/${postings} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const em = app.orm.em.fork();
    const rows: (string | number)[][] = [];
    const plans: string[] = [];
    for (const c of CASES) {
      const probe = await cursorAt(em, org.id, c.filter, 0);
      // Page 10 000 where the data has that many pages; otherwise the last full page, and the table says which.
      const page = Math.max(1, Math.min(TARGET_PAGE, Math.floor(probe.matches / first)));
      const deep = await cursorAt(em, org.id, c.filter, (page - 1) * first);
      const request = (after: string | null) => () => publicGql(app.base, PAGE_QUERY, { first, after, filter: c.filter }, org.postingsKey);
      const [shallowMs, deepMs] = await watch.phase(c.name, () => pairedMediansMs(request(null), request(deep.cursor), samples));
      const r = deepMs / shallowMs;
      rows.push([c.name, probe.matches.toLocaleString('en'), page.toLocaleString('en'), shallowMs.toFixed(2), deepMs.toFixed(2), `${r.toFixed(2)}× (goal ≤ 1.5×: ${r <= 1.5 ? 'met' : '**missed**'})`]);
      console.error(`${c.name}: page 1 ${shallowMs.toFixed(2)} ms, page ${page} ${deepMs.toFixed(2)} ms`);
      plans.push(`-- ${c.name}, page ${page}`, ...(await explain(em, org.id, c.filter, first, deep.cursor)));
    }
    const markdown = [
      '## Depth of data',
      '',
      `${postings.toLocaleString('en')} synthetic published postings in one organization, seeded with the project's seeder in ${seedSeconds.toFixed(0)} s.`,
      `Median of ${samples} sequential requests per page, page 1 and the deep page alternating (after 3 warm-ups), of \`postings(first: ${first}, after: …)\` selecting only the page (edges + pageInfo),`,
      'public cache off. The deep cursor is the real cursor of the row before that page (built with the module\'s `encodeCursor`).',
      'Where a filter has fewer than 10 000 pages, its last full page is used and shown.',
      `Run: \`npx vite-node scripts/bench/depth.ts -- --postings ${postings} --first ${first}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['query', 'matching postings', 'deep page', 'page 1 ms', 'deep page ms', 'deep / page 1'], rows),
      '',
      '`EXPLAIN ANALYZE` of the deep page statement (scan, condition and timing lines only):',
      '',
      '```',
      ...plans,
      '```',
    ].join('\n');
    return markdown;
  } finally {
    await app.close();
  }
}


void runBench({ section: 'depth', database: 'jobgate_bench_depth', body });
