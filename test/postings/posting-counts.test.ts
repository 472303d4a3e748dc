import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Principal } from '../../src/auth/principal';
import type { Scope } from '../../src/auth/scope';
import type { RowSource } from '../../src/db/prepared-statements';
import { setRequestScope } from '../../src/db/request-scope';
import { PostingState, WorkplaceType } from '../../src/modules/postings/posting-enums';
import type { CreatePostingInput, UpdatePostingInput } from '../../src/modules/postings/posting.inputs';
import { fetchCountsByGroupBy } from '../../src/modules/postings/public-postings.repository';
import { FACET_NAMES, fetchCounts, fetchPage, filterConditions, type Counts } from '../../src/modules/postings/public-postings.query';
import { PostingOrder } from '../../src/modules/postings/public-posting.types';
import { createOrg, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Property test of the counts table: seeded random sequences of every write that
 * can change visibility or a category (create, edit, state change, confidential
 * toggle, delete, bulk delete), postings expiring with time, and expiry sweeps,
 * across two organizations. After every operation, in one REPEATABLE READ
 * transaction (one snapshot, one `now()`):
 *  - the counts read (table + correction for not-yet-swept expiries) equals a
 *    GROUP BY over the visible postings, for both organizations;
 *  - the raw table equals a GROUP BY over the rows flagged `counted`, by exact value;
 *  - a visible posting is always counted, and a counted invisible one has expired.
 */

const SEQUENCES = 120;
const OPERATIONS_PER_SEQUENCE = 20;
const BASE_SEED = 0x5eed14;

/** mulberry32: a tiny seeded PRNG, so a failing sequence replays from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['Engineering', 'engineering', 'ENGINEERING', 'Product', 'Sales', null];
const DEPARTMENTS = ['R&D', 'r&d', 'Go To Market', null];
const LEVELS = ['Senior', 'senior', 'Junior', null];
const COMMITMENTS = ['Full-time', 'Part-time', null];
const PLACES: [string, string][] = [
  ['Berlin', 'DE'],
  ['berlin', 'DE'],
  ['London', 'GB'],
  ['New York', 'US'],
  ['Remote', 'US'],
];
const WORKPLACES = Object.values(WorkplaceType);
const STATES = Object.values(PostingState);

describe('posting counts table (property test, real PostgreSQL)', () => {
  let t: TestApp;
  let client: pg.Client;
  const orgs: { id: string; scope: () => Scope }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    for (let i = 0; i < 2; i++) {
      const org = await createOrg(t);
      const principal: Principal = {
        organizationId: org.organizationId,
        kind: 'USER',
        grants: new Set(),
        allowConfidential: true,
        displayName: 'Counts property test',
        userId: org.adminUserId,
      };
      orgs.push({
        id: org.organizationId,
        scope: () => {
          const em = t.orm.em.fork();
          setRequestScope(em, principal);
          return { em, principal, meta: { ip: '127.0.0.1', userAgent: null, requestId: 'counts-test', headers: {} } };
        },
      });
    }
  });
  afterAll(async () => {
    await client?.end();
    await t?.close();
  });

  const sorted = (c: Counts) => ({
    total: c.total ?? 0,
    facets: Object.fromEntries(FACET_NAMES.map((f) => [f, [...(c.facets[f] ?? [])].sort((a, b) => a.value.localeCompare(b.value) || a.count - b.count)])),
  });

  /** Every invariant, for both organizations, in one snapshot. */
  async function check(context: string): Promise<void> {
    const db: RowSource = { rows: async <T>(text: string, values: unknown[]) => (await client.query(text, values)).rows as T[] };
    await client.query('begin isolation level repeatable read');
    try {
      for (const org of orgs) {
        const fromTable = await fetchCounts(db, org.id, [], true, FACET_NAMES);
        const grouped = await fetchCountsByGroupBy(db, org.id, [], true, FACET_NAMES);
        expect(sorted(fromTable), `${context}: counts read vs GROUP BY over visible postings`).toEqual(sorted(grouped));
        // The total a page statement embeds (the counts table's, less stale expiries) is the same figure.
        const page = await fetchPage(db, org.id, [], PostingOrder.NEWEST, 1, null, new Set(['title']), true);
        expect(page.total, `${context}: total embedded in the page statement`).toBe(grouped.total ?? 0);
        // One category value, in any spelling: the counts table's total for it equals counting the filtered rows.
        for (const filter of [{ teams: ['EnGineering'] }, { teams: ['sales'] }, { departments: ['R&D'] }, { levels: ['SENIOR'] }, { commitments: ['Part-time'] }]) {
          const conditions = filterConditions(filter);
          const filtered = await fetchPage(db, org.id, conditions, PostingOrder.NEWEST, 1, null, new Set(['title']), true);
          const counted = await fetchCountsByGroupBy(db, org.id, conditions, true, []);
          expect(filtered.total, `${context}: total of ${JSON.stringify(filter)} from the counts table`).toBe(counted.total ?? 0);
        }
      }
      const raw = await client.query<{ organization_id: string; facet: string; value: string; count: number }>(
        `select organization_id, facet, value, count from posting_counts where count <> 0 order by 1, 2, 3`,
      );
      const expected = await client.query<{ organization_id: string; facet: string; value: string; count: number }>(
        `select organization_id, facet, value, count(*)::int as count from (
           select organization_id, '_total' as facet, '' as value from postings where counted
           union all select organization_id, 'teams', team from postings where counted and team is not null
           union all select organization_id, 'departments', department from postings where counted and department is not null
           union all select organization_id, 'commitments', commitment from postings where counted and commitment is not null
           union all select organization_id, 'levels', level from postings where counted and level is not null
           union all select organization_id, 'workplaceTypes', workplace_type from postings where counted
           union all select organization_id, 'countries', country from postings where counted and country is not null
           union all select organization_id, 'locations', l->>'name' from postings cross join lateral jsonb_array_elements(locations) l where counted
         ) c group by 1, 2, 3 order by 1, 2, 3`,
      );
      expect(raw.rows, `${context}: raw table vs GROUP BY over counted postings`).toEqual(expected.rows);
      const flags = await client.query<{ wrong: string }>(
        `select count(*) as wrong from postings where
           (state = 'PUBLISHED' and not confidential and (expires_at is null or expires_at > now())) and not counted
           or counted and not (state = 'PUBLISHED' and not confidential and expires_at is not null and expires_at <= now() or state = 'PUBLISHED' and not confidential and (expires_at is null or expires_at > now()))`,
      );
      expect(Number(flags.rows[0]!.wrong), `${context}: counted flag`).toBe(0);
    } finally {
      await client.query('commit');
    }
  }

  it(`keeps the table equal to a GROUP BY through ${SEQUENCES} seeded sequences of ${OPERATIONS_PER_SEQUENCE} operations`, { timeout: 600_000 }, async () => {
    const kinds = { create: 0, update: 0, state: 0, confidential: 0, delete: 0, bulkDelete: 0, sweep: 0, expired: 0 };
    for (let s = 0; s < SEQUENCES; s++) {
      const seed = BASE_SEED + s;
      const random = prng(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      // An expiry in the past, one that passes during the sequence, or none.
      const expiry = (): Date | null => {
        const r = random();
        if (r < 0.5) return null;
        return new Date(Date.now() + (r < 0.65 ? -60_000 : Math.floor(random() * 400)));
      };
      const places = (): CreatePostingInput['locations'] => {
        const names = new Set<string>();
        return Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(PLACES))
          .filter(([name]) => !names.has(name.toLowerCase()) && names.add(name.toLowerCase()))
          .map(([name, countryCode]) => ({ name, countryCode }));
      };
      const ids = new Map<string, string[]>(orgs.map((o) => [o.id, []]));
      for (let op = 0; op < OPERATIONS_PER_SEQUENCE; op++) {
        const org = pick(orgs);
        const mine = ids.get(org.id)!;
        const target = mine.length ? pick(mine) : null;
        const r = random();
        const context = `seed ${seed}, operation ${op}`;
        if (!target || r < 0.3) {
          const input = {
            title: `Posting ${s}-${op}`,
            team: pick(TEAMS),
            department: pick(DEPARTMENTS),
            level: pick(LEVELS),
            commitment: pick(COMMITMENTS),
            workplaceType: pick(WORKPLACES),
            locations: places(),
            confidential: random() < 0.2,
            expiresAt: expiry(),
            state: pick(STATES),
          } as CreatePostingInput;
          mine.push((await t.services.postings.create(org.scope(), input)).id);
          kinds.create += 1;
        } else if (r < 0.55) {
          const input: UpdatePostingInput = {};
          if (random() < 0.5) input.team = pick(TEAMS);
          if (random() < 0.3) input.department = pick(DEPARTMENTS);
          if (random() < 0.3) input.level = pick(LEVELS);
          if (random() < 0.3) input.locations = places();
          if (random() < 0.3) input.workplaceType = pick(WORKPLACES);
          if (random() < 0.3) input.expiresAt = expiry();
          await t.services.postings.update(org.scope(), target, input);
          kinds.update += 1;
        } else if (r < 0.7) {
          await t.services.postings.setState(org.scope(), target, pick(STATES));
          kinds.state += 1;
        } else if (r < 0.8) {
          await t.services.postings.update(org.scope(), target, { confidential: random() < 0.5 });
          kinds.confidential += 1;
        } else if (r < 0.88) {
          await t.services.postings.delete(org.scope(), target);
          mine.splice(mine.indexOf(target), 1);
          kinds.delete += 1;
        } else if (r < 0.9) {
          // Many rows in one statement: the statement triggers handle sets, not just single rows.
          await client.query('delete from postings where organization_id = $1', [org.id]);
          mine.length = 0;
          kinds.bulkDelete += 1;
        } else {
          const swept = await t.services.postingExpirySweep.runOnce();
          kinds.sweep += 1;
          kinds.expired += swept?.length ?? 0;
        }
        await check(context);
      }
    }
    // The sequences did exercise every path, including time-based expiry picked up by the sweep.
    for (const [kind, n] of Object.entries(kinds)) expect(n, kind).toBeGreaterThan(0);
  });

  it('lets one instance sweep at a time: a second run while the lock is held skips', async () => {
    const em = t.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.getConnection().execute(`select pg_advisory_xact_lock(hashtextextended('jobgate:posting-expiry-sweep', 0))`, [], 'all', tx.getTransactionContext());
      expect(await t.services.postingExpirySweep.runOnce()).toBeNull();
    });
    expect(await t.services.postingExpirySweep.runOnce()).not.toBeNull();
  });
});
