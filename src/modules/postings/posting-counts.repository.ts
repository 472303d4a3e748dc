import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowSource } from '../../db/prepared-statements';
import type { FacetName } from './facet-names';

/** One counts row: the total (facet `_total`) or one facet value. */
export interface CountRow {
  facet: string;
  value: string | null;
  count: string | number;
}

/*
 * The counts table (`posting_counts`, kept by triggers: see the posting_counts
 * migration) and its expiry sweep. A counted posting whose expiry has passed is
 * still in the table until the sweep runs; the read subtracts those rows, found
 * through `postings_counted_expires_index`, so the figures are exact at any time.
 */

/** Counted postings whose expiry has passed but which the sweep has not taken out yet (`postings_counted_expires_index`). */
const STALE = `counted and expires_at is not null and expires_at <= now()`;

/** Each facet's column in the correction for not-yet-swept expired postings. */
const STALE_FACETS: Record<FacetName, string> = {
  teams: `select 'teams', team, -1 from stale where team is not null`,
  departments: `select 'departments', department, -1 from stale where department is not null`,
  commitments: `select 'commitments', commitment, -1 from stale where commitment is not null`,
  levels: `select 'levels', level, -1 from stale where level is not null`,
  workplaceTypes: `select 'workplaceTypes', workplace_type, -1 from stale`,
  countries: `select 'countries', country, -1 from stale where country is not null`,
  locations: `select 'locations', l->>'name', -1 from stale cross join lateral jsonb_array_elements(locations) l where l->>'name' is not null`,
};

/** Categories compare case-insensitively (as the GROUP BY path does); workplace types and countries exactly. */
const GROUP_KEY = `case when facet in ('workplaceTypes', 'countries') then value else lower(value) end`;

/**
 * The total and the requested facets of every visible posting of the organization,
 * from the counts table: one statement, whose cost depends on the number of
 * distinct values, not of postings. Per case-insensitive key the shown spelling
 * is the smallest, like `min(team)` over the postings.
 */
export async function tableCounts(db: RowSource, organizationId: string, wantTotal: boolean, facets: FacetName[]): Promise<CountRow[]> {
  const wanted = [...(wantTotal ? ['_total'] : []), ...facets];
  if (!wanted.length) return [];
  const corrections = [`select '_total', '', -1 from stale`, ...facets.map((f) => STALE_FACETS[f])];
  const sql = `with stale as (
      select team, department, commitment, level, workplace_type, country, locations from postings
      where organization_id = $1 and ${STALE}
    ), c(facet, value, n) as (
      select facet, value, count from posting_counts where organization_id = $1 and facet = any($2::text[])
      union all ${corrections.join(' union all ')}
    ), spelled as (
      -- Net count per exact spelling first: a spelling at zero (kept row, or all its postings expired) must not win min().
      select facet, value, sum(n) as n from c group by facet, value having sum(n) > 0
    )
    select facet, min(value) as value, sum(n)::int as count from spelled group by facet, ${GROUP_KEY}`;
  const rows = await db.rows<CountRow>(sql, [organizationId, wanted]);
  if (wantTotal && !rows.some((r) => r.facet === '_total')) rows.push({ facet: '_total', value: '', count: 0 });
  return rows;
}

/** The postings column of each category facet. */
const CATEGORY_COLUMNS: Partial<Record<FacetName, string>> = { teams: 'team', departments: 'department', commitments: 'commitment', levels: 'level' };

/**
 * A total from the counts table as a scalar subquery for a page statement to embed (so a
 * page with its total is one statement), with its `?` parameters: the counted postings
 * less those already past their expiry, as `tableCounts` computes them. Without
 * `category`, every visible posting (the `_total` row); with one, those with that
 * category value, compared lower-cased as the filter does (every spelling's row). Null
 * for a facet that is not a category (team, department, commitment, level).
 */
export function tableTotalSql(organizationId: string, category?: { facet: FacetName; value: string }): { sql: string; params: unknown[] } | null {
  if (!category) {
    return {
      sql: `(coalesce((select count from posting_counts where organization_id = ? and facet = '_total' and value = ''), 0)
    - (select count(*) from postings where organization_id = ? and ${STALE})::int)`,
      params: [organizationId, organizationId],
    };
  }
  const column = CATEGORY_COLUMNS[category.facet];
  if (!column) return null;
  return {
    sql: `(coalesce((select sum(count) from posting_counts where organization_id = ? and facet = '${category.facet}' and lower(value) = ?), 0)
    - (select count(*) from postings where organization_id = ? and ${STALE} and lower(${column}) = ?))::int`,
    params: [organizationId, category.value, organizationId, category.value],
  };
}

/**
 * Takes expired postings out of the counts: the update makes the BEFORE trigger
 * clear `counted` and the statement trigger subtract them, in this transaction.
 * Then drops rows whose count reached zero. Returns the postings it swept.
 */
export interface SweptPosting {
  id: string;
  organization_id: string;
  state: string;
  confidential: boolean;
  expires_at: Date;
  updated_at: Date;
}

export async function sweepExpired(em: EntityManager): Promise<SweptPosting[]> {
  const conn = em.getConnection();
  const ctx = em.getTransactionContext();
  const swept = await conn.execute<SweptPosting[]>(
    `update postings set counted = false where ${STALE}
     returning id, organization_id, state, confidential, expires_at, updated_at`,
    [],
    'all',
    ctx,
  );
  await conn.execute(`delete from posting_counts where count = 0`, [], 'run', ctx);
  return swept;
}

/** One instance at a time: a transaction-level advisory lock, skipped (not waited for) when another instance holds it. */
export async function tryExpirySweepLock(em: EntityManager): Promise<boolean> {
  const [row] = await em
    .getConnection()
    .execute<{ locked: boolean }[]>(`select pg_try_advisory_xact_lock(hashtextextended('jobgate:posting-expiry-sweep', 0)) as locked`, [], 'all', em.getTransactionContext());
  return row?.locked === true;
}
