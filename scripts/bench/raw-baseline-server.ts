/**
 * The raw baseline for the public postings API: `node:http` + `pg`, no framework,
 * no GraphQL. It runs the SAME SQL as src/modules/postings/public-postings.repository.ts
 * (its exported builders, handed a row source over a pg pool) and writes the same
 * JSON shape as `postings(first, after, filter)` with totalCount and every facet.
 * It answers one organization, fixed at start, and checks no credential: it is
 * the fastest honest thing, which is the point. Two modes:
 * - `group-by`: the baseline as it was before the counts table (issue 14's
 *   "today's GROUP-BY raw baseline"): counts grouped over every visible posting,
 *   every column, a separate organization lookup, unnamed statements.
 * - `counts-table`: the same statements as the app now sends (counts table,
 *   named prepared statements, the organization joined into the page).
 *
 *   import { startRawBaseline } from './raw-baseline-server'
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { applyUrl, hostedUrl, type PostingUrlBase } from '../../src/modules/postings/posting-urls';
import { PostingOrder, type PublicPostingFilter } from '../../src/modules/postings/public-posting.types';
import { statementName, type RowSource } from '../../src/db/prepared-statements';
import { fetchCountsByGroupBy } from '../../src/modules/postings/public-postings.repository';
import { encodeCursor, FACET_NAMES, fetchCounts, fetchPage, filterConditions, type PostingRow } from '../../src/modules/postings/public-postings.query';

/**
 * Statements over the baseline's own pool. `group-by` runs them unnamed (parsed and
 * planned on every request), as this baseline always did; `counts-table` as named
 * prepared statements, like the app.
 */
function rowSource(pool: pg.Pool, named: boolean): RowSource {
  return {
    rows: async <T>(text: string, values: unknown[]) =>
      (await pool.query(named ? { name: statementName(text), text, values } : { text, values })).rows as T[],
  };
}

function toJson(row: PostingRow, base: PostingUrlBase, publicUrl: string) {
  return {
    id: row.id,
    title: row.title,
    team: row.team,
    department: row.department,
    commitment: row.commitment,
    level: row.level,
    workplaceType: row.workplace_type,
    country: row.country,
    locations: row.locations,
    openingHtml: row.opening_html,
    openingPlain: row.opening_plain,
    descriptionHtml: row.description_html,
    descriptionPlain: row.description_plain,
    additionalHtml: row.additional_html,
    additionalPlain: row.additional_plain,
    lists: row.lists,
    salaryRange: row.salary_range,
    salaryDescription: row.salary_description,
    questions: row.questions,
    hostedUrl: hostedUrl(base, publicUrl, row.id),
    applyUrl: applyUrl(base, publicUrl, row.id),
    publishedAt: new Date(row.published_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface RawBaseline {
  url: string;
  close(): Promise<void>;
}

export type RawBaselineMode = 'group-by' | 'counts-table';

/** Every field of the bench query's node, so the counts-table mode reads what the app reads. */
const ALL_FIELDS: ReadonlySet<string> = new Set(['id', 'title', 'team', 'department', 'commitment', 'level', 'workplaceType', 'country', 'locations',
  'openingHtml', 'openingPlain', 'descriptionHtml', 'descriptionPlain', 'additionalHtml', 'additionalPlain', 'lists', 'salaryRange', 'salaryDescription',
  'questions', 'hostedUrl', 'applyUrl', 'publishedAt', 'updatedAt']);

export async function startRawBaseline(databaseUrl: string, organizationId: string, publicUrl = 'http://localhost:3000', mode: RawBaselineMode = 'group-by'): Promise<RawBaseline> {
  // Same pool size as the app's ORM in the benches, so neither side gets more connections.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = rowSource(pool, mode === 'counts-table');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { first?: number; after?: string | null; filter?: PublicPostingFilter | null } };
          const first = variables?.first ?? 20;
          const conditions = filterConditions(variables?.filter ?? null);
          let page: { rows: PostingRow[]; hasNextPage: boolean };
          let counts: Awaited<ReturnType<typeof fetchCounts>>;
          let base: PostingUrlBase;
          if (mode === 'group-by') {
            // Three reads in parallel: page (every column), counts grouped over the visible postings, the org's URL settings.
            const [p, c, orgRows] = await Promise.all([
              fetchPage(db, organizationId, conditions, PostingOrder.NEWEST, first, variables?.after ?? null),
              fetchCountsByGroupBy(db, organizationId, conditions, true, FACET_NAMES),
              pool.query<{ slug: string; settings: { careers_site_url?: string | null } }>('select slug, settings from organizations where id = $1', [organizationId]),
            ]);
            [page, counts] = [p, c];
            base = { slug: orgRows.rows[0].slug, careersSiteUrl: orgRows.rows[0].settings?.careers_site_url ?? null };
          } else {
            // Two reads: the page with the org's URL settings joined in, the counts from the table (GROUP BY when filtered).
            [page, counts] = await Promise.all([
              fetchPage(db, organizationId, conditions, PostingOrder.NEWEST, first, variables?.after ?? null, ALL_FIELDS),
              fetchCounts(db, organizationId, conditions, true, FACET_NAMES),
            ]);
            const row = page.rows[0];
            base = { slug: row?.org_slug ?? '', careersSiteUrl: row?.org_careers_site_url ?? null };
          }
          const edges = page.rows.map((row) => ({ cursor: encodeCursor(PostingOrder.NEWEST, row), node: toJson(row, base, publicUrl) }));
          const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, counts.facets[f] ?? []]));
          const body = JSON.stringify({
            data: { postings: { totalCount: counts.total ?? 0, facets, edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } } },
          });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        } catch (err) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
