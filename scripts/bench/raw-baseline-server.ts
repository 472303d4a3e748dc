/**
 * The raw baseline for the public postings API: `node:http` + `pg`, no framework,
 * no GraphQL. It runs the SAME SQL as src/modules/postings/public-postings.query.ts
 * (its exported builders, handed a tiny `em` that runs their statements on a pg
 * pool) and writes the same JSON shape as `postings(first, after, filter)` with
 * totalCount and every facet. It answers one organization, fixed at start, and
 * checks no credential: it is the fastest honest thing, which is the point.
 *
 *   import { startRawBaseline } from './raw-baseline-server'
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { applyUrl, hostedUrl, type PostingUrlBase } from '../../src/modules/postings/posting-urls';
import { PostingOrder, type PublicPostingFilter } from '../../src/modules/postings/public-posting.types';
import { encodeCursor, FACET_NAMES, fetchCounts, fetchPage, filterConditions, type PostingRow } from '../../src/modules/postings/public-postings.query';

/**
 * The query module writes `?` placeholders for MikroORM's `execute`; pg wants `$n`.
 * `array[?]::text[]` becomes `$n::text[]` because pg sends a JS array as an array literal.
 * (None of those statements has a `?` inside a string literal or a jsonb `?` operator.)
 */
function pgEm(pool: pg.Pool): EntityManager {
  const execute = async (sql: string, params: unknown[] = []) => {
    let n = 0;
    const text = sql.replace(/array\[\?\]|\?/g, () => `$${++n}`);
    return (await pool.query(text, params)).rows;
  };
  return { getConnection: () => ({ execute }) } as unknown as EntityManager;
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

export async function startRawBaseline(databaseUrl: string, organizationId: string, publicUrl = 'http://localhost:3000'): Promise<RawBaseline> {
  // Same pool size as the app's ORM in the benches, so neither side gets more connections.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const em = pgEm(pool);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { first?: number; after?: string | null; filter?: PublicPostingFilter | null } };
          const first = variables?.first ?? 20;
          const conditions = filterConditions(variables?.filter ?? null);
          // The same three reads the resolver makes, in parallel: page, counts, the org's URL settings.
          const [page, counts, orgRows] = await Promise.all([
            fetchPage(em, organizationId, conditions, PostingOrder.NEWEST, first, variables?.after ?? null),
            fetchCounts(em, organizationId, conditions, true, FACET_NAMES),
            pool.query<{ slug: string; settings: { careersSiteUrl?: string | null } }>('select slug, settings from organizations where id = $1', [organizationId]),
          ]);
          const base: PostingUrlBase = { slug: orgRows.rows[0].slug, careersSiteUrl: orgRows.rows[0].settings?.careersSiteUrl ?? null };
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
