import { numbered, preparedRows, type RowSource } from '../../db/prepared-statements';
import { isUuid } from '../../ids';
import { textProblem } from '../../text-problems';
import { BadInputError, type FieldProblem } from '../../errors';
import { postingSearchSql } from './posting-search.repository';
import { publiclyVisibleSql } from './public-visibility';
import { PostingOrder, type PublicPostingFilter } from './public-posting.types';
import { type FacetName } from './facet-names';
import type { Counts, PostingCondition as Condition, PostingRow, PostingsDb } from './public-posting-row';
import { tableCounts, tableTotalSql, type CountRow } from './posting-counts.repository';

/**
 * The public postings list in hand-written SQL: keyset pages over the partial
 * "published" indexes reading only the columns the caller asks for; totals and
 * facets from the counts table when nothing is filtered, else one UNION ALL of
 * GROUP BYs over the filtered rows. A request costs two statements whatever the
 * page size or depth. Every statement is a named prepared statement with bind
 * parameters (db/prepared-statements.ts), names the organization explicitly (raw
 * SQL bypasses the ORM's tenant filter) and applies the single visibility predicate.
 */

const rowsOf = (db: PostingsDb): RowSource => ('rows' in db ? db : preparedRows(db));

async function run<T>(db: PostingsDb, sql: string, params: unknown[]): Promise<T[]> {
  return rowsOf(db).rows<T>(numbered(sql), params);
}

const MAX_VALUES = 100;
const MAX_SEARCH = 500;

/** Public GraphQL field → the columns it needs. Fields not listed (hostedUrl, applyUrl) need only the id. */
export const FIELD_COLUMNS: Record<string, string[]> = {
  title: ['p.title'],
  team: ['p.team'],
  department: ['p.department'],
  commitment: ['p.commitment'],
  level: ['p.level'],
  workplaceType: ['p.workplace_type'],
  locations: ['p.locations'],
  country: ['p.country'],
  openingHtml: ['p.opening_html'],
  openingPlain: ['p.opening_plain'],
  descriptionHtml: ['p.description_html'],
  descriptionPlain: ['p.description_plain'],
  additionalHtml: ['p.additional_html'],
  additionalPlain: ['p.additional_plain'],
  lists: ['p.lists'],
  salaryRange: ['p.salary_range'],
  salaryDescription: ['p.salary_description'],
  questions: ['p.questions'],
  publishedAt: ['p.published_at'],
  updatedAt: ['p.updated_at'],
};
const URL_FIELDS = ['hostedUrl', 'applyUrl'];
/** Always read: the id and both cursor keys. */
const KEY_COLUMNS = `p.id, (extract(epoch from p.published_at) * 1000000)::bigint::text as published_key, lower(p.title) as title_key`;

/**
 * The select list for the selected public fields (null = every column, for the
 * compat APIs and pages). With a URL field, the organization's slug and careers
 * site come from a join in the same statement instead of a separate lookup.
 */
function selectList(fields: ReadonlySet<string> | null): { columns: string; join: string } {
  if (!fields) return { columns: COLUMNS, join: '' };
  const columns = new Set<string>();
  for (const field of fields) for (const c of FIELD_COLUMNS[field] ?? []) columns.add(c);
  const wantsUrl = URL_FIELDS.some((f) => fields.has(f));
  const list = [KEY_COLUMNS, ...columns];
  if (wantsUrl) list.push(`o.slug as org_slug, o.settings->>'careers_site_url' as org_careers_site_url`);
  return { columns: list.join(', '), join: wantsUrl ? ' join organization_directory o on o.id = p.organization_id' : '' };
}

const COLUMNS = `p.id, p.title, p.team, p.department, p.commitment, p.level, p.workplace_type, p.locations, p.country,
  p.opening_html, p.opening_plain, p.description_html, p.description_plain, p.additional_html, p.additional_plain,
  p.lists, p.salary_range, p.salary_description, p.questions, p.published_at, p.updated_at, p.requisition_code, p.board_id::text as board_id, p.expires_at,
  (extract(epoch from p.published_at) * 1000000)::bigint::text as published_key, lower(p.title) as title_key`;

function values(problems: FieldProblem[], field: string, input: string[] | null | undefined, normalize: (v: string) => string): string[] | null {
  if (!input?.length) return null;
  if (input.length > MAX_VALUES) problems.push({ field: `filter.${field}`, message: `must have at most ${MAX_VALUES} values` });
  return [...new Set(input.map((v) => normalize(v.trim())))];
}

/** Validates the filter and turns it into conditions on `postings p`. */
export function filterConditions(filter: PublicPostingFilter | null | undefined): Condition[] {
  const problems: FieldProblem[] = [];
  const out: Condition[] = [];
  const lower = (v: string) => v.toLowerCase();
  const categories: [FacetName, keyof PublicPostingFilter, string][] = [
    ['teams', 'teams', 'team'],
    ['departments', 'departments', 'department'],
    ['commitments', 'commitments', 'commitment'],
    ['levels', 'levels', 'level'],
  ];
  for (const [facet, field, column] of categories) {
    const list = values(problems, field, filter?.[field] as string[] | null, lower);
    if (!list) continue;
    // One value as plain equality: the per-category index (organization, lower(value), published_at desc, id desc)
    // then yields the newest-first page in order; `= any(array)` made PostgreSQL read the newest index and filter.
    if (list.length === 1) out.push({ facet, sql: `lower(p.${column}) = ?`, params: [list[0]], categoryValue: list[0] });
    else out.push({ facet, sql: `lower(p.${column}) = any(?::text[])`, params: [list] });
  }
  const locations = values(problems, 'locations', filter?.locations, lower);
  if (locations) out.push({ facet: 'locations', sql: `p.location_names && ?::text[]`, params: [locations] });
  const countries = values(problems, 'countries', filter?.countries, (v) => v.toUpperCase());
  if (countries) out.push({ facet: 'countries', sql: `p.country = any(?::text[])`, params: [countries] });
  if (filter?.workplaceTypes?.length) {
    out.push({ facet: 'workplaceTypes', sql: `p.workplace_type = any(?::text[])`, params: [[...new Set(filter.workplaceTypes)]] });
  }
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) problems.push({ field: 'filter.search', message: `must be at most ${MAX_SEARCH} characters` });
    out.push({ facet: null, sql: postingSearchSql('p.search_vector'), params: [search] });
  }
  if (filter?.postedAfter) {
    if (Number.isNaN(filter.postedAfter.getTime())) problems.push({ field: 'filter.postedAfter', message: 'is not a valid date' });
    else out.push({ facet: null, sql: `p.published_at > ?::timestamptz`, params: [filter.postedAfter.toISOString()] });
  }
  if (problems.length) throw new BadInputError(problems);
  return out;
}

function where(organizationId: string, conditions: Condition[], except: FacetName | null = null): { sql: string; params: unknown[] } {
  const parts = [`p.organization_id = ?`, publiclyVisibleSql('p')];
  const params: unknown[] = [organizationId];
  for (const c of conditions) {
    if (except && c.facet === except) continue;
    parts.push(c.sql);
    params.push(...c.params);
  }
  return { sql: parts.join(' and '), params };
}

/* Cursors: base64url JSON of [order, key, id]. Opaque to clients, checked on the way back in. */

export function encodeCursor(order: PostingOrder, row: PostingRow): string {
  // The JSON text JSON.stringify([order, key, id]) gives, written out: a page makes one cursor per row, and
  // stringifying an array each time was 4 % of a page's CPU. Only a title key can hold characters JSON escapes.
  const key = order === PostingOrder.TITLE ? JSON.stringify(row.title_key) : `"${row.published_key}"`;
  return Buffer.from(`["${order}",${key},"${row.id}"]`).toString('base64url');
}

function decodeCursor(order: PostingOrder, after: string): { key: string; id: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  // A title key holding a NUL would reach PostgreSQL as a parameter and fail there (a 500).
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[1] !== 'string' || textProblem(decoded[1]) || typeof decoded[2] !== 'string' || !isUuid(decoded[2])) {
    throw BadInputError.field('after', 'is not a valid cursor');
  }
  if (decoded[0] !== order) throw BadInputError.field('after', `was made for orderBy ${String(decoded[0])}, not ${order}`);
  if (order !== PostingOrder.TITLE && !/^-?\d{1,17}$/.test(decoded[1])) throw BadInputError.field('after', 'is not a valid cursor');
  return { key: decoded[1], id: decoded[2] };
}

const MICROS = `(timestamptz 'epoch' + ?::bigint * interval '1 microsecond')`;
const ORDER_SQL: Record<PostingOrder, { by: string; after: string }> = {
  [PostingOrder.NEWEST]: { by: 'p.published_at desc, p.id desc', after: `(p.published_at, p.id) < (${MICROS}, ?::uuid)` },
  [PostingOrder.OLDEST]: { by: 'p.published_at asc, p.id asc', after: `(p.published_at, p.id) > (${MICROS}, ?::uuid)` },
  [PostingOrder.TITLE]: { by: 'lower(p.title) asc, p.id asc', after: '(lower(p.title), p.id) > (?, ?::uuid)' },
};

/**
 * One page, plus one row to learn whether another page follows. With `withTotal`,
 * the total of every matching posting rides along in the same statement, as an
 * uncorrelated scalar subquery (PostgreSQL runs it once, as an InitPlan, over the
 * same snapshot as the page): the counts table when nothing is filtered, else a
 * count over the filtered rows. A second statement is sent only when the page is
 * empty after a cursor, where no row carries the total.
 */
export async function fetchPage(
  db: PostingsDb,
  organizationId: string,
  conditions: Condition[],
  order: PostingOrder,
  first: number,
  after: string | null | undefined,
  fields: ReadonlySet<string> | null = null,
  withTotal = false,
): Promise<{ rows: PostingRow[]; hasNextPage: boolean; total: number | null }> {
  const cursor = after ? decodeCursor(order, after) : null;
  const w = where(organizationId, conditions);
  const select = selectList(fields);
  const total = withTotal ? totalSql(organizationId, conditions) : null;
  const params = [...(total?.params ?? []), ...w.params];
  let sql = `select ${select.columns}${total ? `, ${total.sql} as total_count` : ''} from postings p${select.join} where ${w.sql}`;
  if (cursor) {
    sql += ` and ${ORDER_SQL[order].after}`;
    params.push(cursor.key, cursor.id);
  }
  sql += ` order by ${ORDER_SQL[order].by} limit ?`;
  params.push(first + 1);
  const rows = await run<PostingRow & { total_count?: number }>(db, sql, params);
  let count: number | null = null;
  if (withTotal) {
    // No row and no cursor: nothing matches, so the total is 0; after a cursor the rows before it still count.
    if (rows.length) count = Number(rows[0]!.total_count);
    else count = cursor ? ((await fetchCounts(db, organizationId, conditions, true, [])).total ?? 0) : 0;
  }
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, total: count };
}

/** The total of the matching postings as a scalar subquery (see fetchPage). */
function totalSql(organizationId: string, conditions: Condition[]): { sql: string; params: unknown[] } {
  if (conditions.length === 0) return tableTotalSql(organizationId)!;
  // One value of one category (a career site's team or department menu): the counts table has it too.
  const only = conditions.length === 1 ? conditions[0]! : null;
  const fromTable = only?.facet && only.categoryValue !== undefined ? tableTotalSql(organizationId, { facet: only.facet, value: only.categoryValue }) : null;
  if (fromTable) return fromTable;
  // The subquery's own `postings p` shadows the outer one, so the same conditions apply to it.
  const w = where(organizationId, conditions);
  return { sql: `(select count(*)::int from postings p where ${w.sql})`, params: w.params };
}

/** One visible posting by id, or nothing. */
export async function fetchOne(db: PostingsDb, organizationId: string, id: string): Promise<PostingRow | null> {
  const w = where(organizationId, []);
  const rows = await run<PostingRow>(db, `select ${COLUMNS} from postings p where ${w.sql} and p.id = ?::uuid`, [...w.params, id]);
  return rows[0] ?? null;
}

/** One visible posting by its integer board id (the Greenhouse-compatible API), or nothing. */
export async function fetchOneByBoardId(db: PostingsDb, organizationId: string, boardId: string): Promise<PostingRow | null> {
  const w = where(organizationId, []);
  const rows = await run<PostingRow>(db, `select ${COLUMNS} from postings p where ${w.sql} and p.board_id = ?::bigint`, [...w.params, boardId]);
  return rows[0] ?? null;
}

/** Publicly visible postings' ids and last change, newest first (sitemaps). */
export async function fetchSitemapEntries(db: PostingsDb, organizationId: string, limit: number): Promise<{ id: string; lastmod: Date }[]> {
  const w = where(organizationId, []);
  const rows = await run<{ id: string; updated_at: Date }>(db, `select p.id, p.updated_at from postings p where ${w.sql} order by p.published_at desc, p.id desc limit ?`, [...w.params, limit]);
  return rows.map((r) => ({ id: r.id, lastmod: new Date(r.updated_at) }));
}

/** The SQL expression each facet groups by (value shown, key grouped on) and any join it needs. */
const FACET_SQL: Record<FacetName, { value: string; key: string; from: string }> = {
  teams: { value: 'min(p.team)', key: 'lower(p.team)', from: 'postings p' },
  departments: { value: 'min(p.department)', key: 'lower(p.department)', from: 'postings p' },
  commitments: { value: 'min(p.commitment)', key: 'lower(p.commitment)', from: 'postings p' },
  levels: { value: 'min(p.level)', key: 'lower(p.level)', from: 'postings p' },
  workplaceTypes: { value: 'p.workplace_type', key: 'p.workplace_type', from: 'postings p' },
  countries: { value: 'p.country', key: 'p.country', from: 'postings p' },
  // Location names are unique per posting (validated on write), so each row of the expansion is one posting.
  locations: { value: "min(l.value->>'name')", key: "lower(l.value->>'name')", from: 'postings p cross join lateral jsonb_array_elements(p.locations) l' },
};

/**
 * The total and the requested facets in ONE statement. Unfiltered: from the
 * counts table (cost independent of the number of postings). Filtered or searched:
 * grouped over the filtered rows only.
 */
export async function fetchCounts(db: PostingsDb, organizationId: string, conditions: Condition[], wantTotal: boolean, facets: FacetName[]): Promise<Counts> {
  if (conditions.length === 0) return sorted(await tableCounts(rowsOf(db), organizationId, wantTotal, facets), facets);
  return fetchCountsByGroupBy(db, organizationId, conditions, wantTotal, facets);
}

/**
 * The total and the requested facets as a UNION ALL of one GROUP BY per facet,
 * each with every filter except its own. (Before the counts table, unfiltered
 * requests used this too: the benchmark's "GROUP-BY raw baseline" still does.)
 */
export async function fetchCountsByGroupBy(db: PostingsDb, organizationId: string, conditions: Condition[], wantTotal: boolean, facets: FacetName[]): Promise<Counts> {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (wantTotal) {
    const w = where(organizationId, conditions);
    parts.push(`select '_total' as facet, null::text as value, count(*) as count from postings p where ${w.sql}`);
    params.push(...w.params);
  }
  for (const facet of facets) {
    const f = FACET_SQL[facet];
    const w = where(organizationId, conditions, facet);
    parts.push(`(select '${facet}' as facet, ${f.value} as value, count(*) as count from ${f.from} where ${w.sql} and ${f.key} is not null group by ${f.key})`);
    params.push(...w.params);
  }
  const result: Counts = { total: null, facets: {} };
  if (!parts.length) return result;
  const rows = await run<CountRow>(db, parts.join(' union all '), params);
  return sorted(rows, facets);
}

function sorted(rows: CountRow[], facets: FacetName[]): Counts {
  const result: Counts = { total: null, facets: {} };
  for (const facet of facets) result.facets[facet] = [];
  for (const row of rows) {
    if (row.facet === '_total') result.total = Number(row.count);
    else result.facets[row.facet as FacetName]?.push({ value: row.value ?? '', count: Number(row.count) });
  }
  // Most common first, then alphabetical, so menus are stable.
  for (const list of Object.values(result.facets)) list!.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return result;
}
