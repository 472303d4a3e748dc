import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSyntheticPostings } from '../../scripts/synthetic-postings';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PUBLIC, codeOf, createPosting, orgWithTokens, type OrgWithTokens } from './helpers';

const LIST = `query($filter: PostingFilter, $first: Int, $after: String, $orderBy: PostingOrder) {
  postings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id title } }
    nodes { id title team locations { name } country hostedUrl applyUrl publishedAt }
    pageInfo { hasNextPage endCursor }
  } }`;
const FACETS = `query($filter: PostingFilter) {
  postings(filter: $filter, first: 1) { totalCount facets { teams { value count } departments { value count } locations { value count }
    commitments { value count } levels { value count } workplaceTypes { value count } countries { value count } } } }`;
const ONE = `query($id: ID!) { posting(id: $id) { id title descriptionPlain questions { id kind } hostedUrl applyUrl } }`;

type Facets = Record<string, { value: string; count: number }[]>;
interface ListResult {
  postings: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; title: string } }[];
    nodes: { id: string; title: string; team: string; hostedUrl: string; applyUrl: string; publishedAt: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('public postings API', () => {
  let t: TestApp;
  let o: OrgWithTokens;
  const ids: Record<string, string> = {};

  async function list(variables: Record<string, unknown> = {}, key = o.key) {
    const res = await t.gql<ListResult>(LIST, variables, { token: key, path: PUBLIC });
    expect(res.errors).toBeUndefined();
    return res.data!.postings;
  }
  async function titles(filter: Record<string, unknown>): Promise<string[]> {
    return (await list({ filter, first: 100 })).nodes.map((n) => n.title).sort();
  }
  async function facets(filter: Record<string, unknown> = {}, key = o.key): Promise<{ totalCount: number; facets: Facets }> {
    const res = await t.gql<{ postings: { totalCount: number; facets: Facets } }>(FACETS, { filter }, { token: key, path: PUBLIC });
    expect(res.errors).toBeUndefined();
    return res.data!.postings;
  }
  const facet = (f: Facets, name: string) => Object.fromEntries(f[name]!.map((v) => [v.value, v.count]));

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_PUBLIC_URL: 'https://jobs.example.test' } });
    o = await orgWithTokens(t);
    const make = (name: string, input: Record<string, unknown>) => createPosting(t, o.admin, input).then((id) => (ids[name] = id));
    // Sequential, so publishedAt (NEWEST order) follows this list.
    await make('backend', {
      title: 'Backend Engineer',
      team: 'Engineering',
      department: 'R&D',
      commitment: 'Full-time',
      level: 'Senior',
      workplaceType: 'HYBRID',
      locations: [{ name: 'Berlin', countryCode: 'DE' }, { name: 'London', countryCode: 'GB' }],
      descriptionHtml: '<p>Scale our PostgreSQL clusters and design APIs.</p>',
    });
    await make('frontend', {
      title: 'Frontend Engineer',
      team: 'engineering',
      department: 'R&D',
      commitment: 'Part-time',
      level: 'Junior',
      workplaceType: 'REMOTE',
      locations: [{ name: 'Remote (EU)', countryCode: 'PT' }],
      descriptionHtml: '<p>React and TypeScript all day.</p>',
    });
    await make('sales', {
      title: 'Account Executive',
      team: 'Sales',
      department: 'Go-to-market',
      commitment: 'Full-time',
      level: 'Senior',
      workplaceType: 'ON_SITE',
      locations: [{ name: 'London', countryCode: 'GB' }],
      descriptionHtml: '<p>Close deals with enterprise customers.</p>',
      questions: [{ id: 'q1', label: 'Quota attainment?', kind: 'TEXT', required: true }],
    });
    await make('designer', {
      title: 'Product Designer',
      team: 'Design',
      department: 'R&D',
      commitment: 'Contract',
      level: 'Mid-level',
      workplaceType: 'REMOTE',
      locations: [{ name: 'New York', countryCode: 'US' }, { name: 'berlin', countryCode: 'DE' }],
      descriptionHtml: '<p>Design delightful hiring flows.</p>',
    });
    // Never visible publicly:
    await make('draft', { title: 'Draft Engineer', state: 'DRAFT' });
    await make('internal', { title: 'Internal Engineer', state: 'INTERNAL' });
    await make('closed', { title: 'Closed Engineer', state: 'CLOSED' });
    await make('expired', { title: 'Expired Engineer', expiresAt: new Date(Date.now() - 60_000).toISOString() });
    await make('confidential', { title: 'Confidential Engineer', confidential: true });
    const other = await orgWithTokens(t);
    ids.otherOrg = await createPosting(t, other.admin, { title: 'Other Org Engineer' });
    ids.future = await createPosting(t, o.admin, {
      title: 'Future Expiry Analyst',
      team: 'Finance',
      department: 'G&A',
      commitment: 'Temporary',
      level: 'Lead',
      workplaceType: 'UNSPECIFIED',
      locations: [{ name: 'Paris', countryCode: 'FR' }],
      descriptionHtml: '<p>Numbers.</p>',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
  });
  afterAll(async () => t?.close());

  const VISIBLE = ['Account Executive', 'Backend Engineer', 'Frontend Engineer', 'Future Expiry Analyst', 'Product Designer'];

  it('lists only publicly visible postings of the key\'s organization, newest first, with URLs', async () => {
    const page = await list({ first: 50 });
    expect(page.nodes.map((n) => n.title)).toEqual(['Future Expiry Analyst', 'Product Designer', 'Account Executive', 'Frontend Engineer', 'Backend Engineer']);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
    const first = page.nodes.find((n) => n.title === 'Backend Engineer')!;
    expect(first.hostedUrl).toBe(`https://jobs.example.test/jobs/${o.org.slug}/${ids.backend}`);
    expect(first.applyUrl).toBe(`${first.hostedUrl}/apply`);
  });

  it('hides draft, internal, closed, expired, confidential and other-organization postings everywhere', async () => {
    const { totalCount, facets: f } = await facets();
    expect(totalCount).toBe(5);
    const teamTotal = f.teams!.reduce((s, v) => s + v.count, 0);
    expect(teamTotal).toBe(5);
    expect(f.workplaceTypes!.reduce((s, v) => s + v.count, 0)).toBe(5);
    for (const name of ['draft', 'internal', 'closed', 'expired', 'confidential', 'otherOrg']) {
      const res = await t.gql<{ posting: null }>(ONE, { id: ids[name] }, { token: o.key, path: PUBLIC });
      expect(res.errors).toBeUndefined();
      expect(res.data!.posting, name).toBeNull();
    }
    expect(await titles({ search: 'engineer' })).toEqual(['Backend Engineer', 'Frontend Engineer']);
    const malformed = await t.gql<{ posting: null }>(ONE, { id: 'not-a-uuid' }, { token: o.key, path: PUBLIC });
    expect(malformed.data!.posting).toBeNull();
  });

  it('shows one visible posting with its questions', async () => {
    const res = await t.gql<{ posting: { id: string; title: string; questions: { id: string; kind: string }[] } }>(ONE, { id: ids.sales }, { token: o.key, path: PUBLIC });
    expect(res.data!.posting).toMatchObject({ id: ids.sales, title: 'Account Executive', questions: [{ id: 'q1', kind: 'TEXT' }] });
  });

  it('filters by each field, ORs values within a field and ANDs fields, case-insensitively', async () => {
    expect(await titles({ teams: ['ENGINEERING'] })).toEqual(['Backend Engineer', 'Frontend Engineer']);
    expect(await titles({ teams: ['sales', 'design'] })).toEqual(['Account Executive', 'Product Designer']);
    expect(await titles({ teams: ['engineer'] })).toEqual([]); // exact, not a prefix
    expect(await titles({ departments: ['r&d'] })).toEqual(['Backend Engineer', 'Frontend Engineer', 'Product Designer']);
    expect(await titles({ commitments: ['full-time'] })).toEqual(['Account Executive', 'Backend Engineer']);
    expect(await titles({ levels: ['SENIOR'] })).toEqual(['Account Executive', 'Backend Engineer']);
    expect(await titles({ workplaceTypes: ['REMOTE'] })).toEqual(['Frontend Engineer', 'Product Designer']);
    expect(await titles({ workplaceTypes: ['REMOTE', 'HYBRID'] })).toEqual(['Backend Engineer', 'Frontend Engineer', 'Product Designer']);
    expect(await titles({ countries: ['gb'] })).toEqual(['Account Executive']); // primary location's country
    expect(await titles({ countries: ['DE', 'US'] })).toEqual(['Backend Engineer', 'Product Designer']);
    expect(await titles({ postedAfter: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await titles({ postedAfter: new Date(Date.now() - 3_600_000).toISOString() })).toEqual(VISIBLE);
    // Combined: fields AND.
    expect(await titles({ departments: ['R&D'], workplaceTypes: ['REMOTE'], levels: ['junior'] })).toEqual(['Frontend Engineer']);
    expect(await titles({ teams: ['Sales'], countries: ['DE'] })).toEqual([]);
  });

  it('matches any of a posting\'s locations, case-insensitively', async () => {
    expect(await titles({ locations: ['london'] })).toEqual(['Account Executive', 'Backend Engineer']);
    expect(await titles({ locations: ['BERLIN'] })).toEqual(['Backend Engineer', 'Product Designer']);
    expect(await titles({ locations: ['New York', 'Remote (EU)'] })).toEqual(['Frontend Engineer', 'Product Designer']);
    expect(await titles({ locations: ['Berlin'], teams: ['design'] })).toEqual(['Product Designer']);
  });

  it('searches full text over title, description, team and locations', async () => {
    expect(await titles({ search: 'postgresql' })).toEqual(['Backend Engineer']);
    expect(await titles({ search: 'designing' })).toEqual(['Backend Engineer', 'Product Designer']); // stemming: design/designer?
    expect(await titles({ search: 'sales' })).toEqual(['Account Executive']); // team
    expect(await titles({ search: 'london' })).toEqual(['Account Executive', 'Backend Engineer']); // location
    expect(await titles({ search: '"enterprise customers"' })).toEqual(['Account Executive']);
    expect(await titles({ search: 'engineer -react' })).toEqual(['Backend Engineer']);
    expect(await titles({ search: 'react or deals' })).toEqual(['Account Executive', 'Frontend Engineer']);
    expect(await titles({ search: 'engineer', teams: ['engineering'], locations: ['london'] })).toEqual(['Backend Engineer']);
    expect(await titles({ search: 'zzzunknownword' })).toEqual([]);
  });

  it('matches word prefixes, so "postgres" finds PostgreSQL and "typescr" finds TypeScript, without parsing raw input as tsquery', async () => {
    expect(await titles({ search: 'postgres' })).toEqual(['Backend Engineer']);
    expect(await titles({ search: 'typescr' })).toEqual(['Frontend Engineer']);
    expect(await titles({ search: 'Postgre clusters' })).toEqual(['Backend Engineer']);
    expect(await titles({ search: 'engin -typescript' })).toEqual(['Backend Engineer']);
    // Negated words stay exact: "-type" does not exclude TypeScript.
    expect(await titles({ search: 'engineer -type' })).toEqual(['Backend Engineer', 'Frontend Engineer']);
    // tsquery syntax in the input is just text to websearch_to_tsquery: no error, no 5xx.
    for (const search of ["post:* & !'x", 'a <-> (b', "o'neil\\", '!!!', ':*']) {
      const res = await t.gql<{ postings: { totalCount: number } }>('query($f: PostingFilter) { postings(filter: $f) { totalCount } }', { f: { search } }, { token: o.key, path: PUBLIC });
      expect(res.errors, search).toBeUndefined();
    }
  });

  it('counts each facet with every filter except its own', async () => {
    const all = await facets();
    expect(facet(all.facets, 'teams')).toEqual({ Engineering: 2, Sales: 1, Design: 1, Finance: 1 });
    expect(facet(all.facets, 'locations')).toEqual({ Berlin: 2, London: 2, 'Remote (EU)': 1, 'New York': 1, Paris: 1 });
    expect(facet(all.facets, 'countries')).toEqual({ DE: 1, PT: 1, GB: 1, US: 1, FR: 1 });
    expect(facet(all.facets, 'commitments')).toEqual({ 'Full-time': 2, 'Part-time': 1, Contract: 1, Temporary: 1 });
    expect(facet(all.facets, 'levels')).toEqual({ Senior: 2, Junior: 1, 'Mid-level': 1, Lead: 1 });
    expect(facet(all.facets, 'departments')).toEqual({ 'R&D': 3, 'Go-to-market': 1, 'G&A': 1 });
    expect(facet(all.facets, 'workplaceTypes')).toEqual({ REMOTE: 2, HYBRID: 1, ON_SITE: 1, UNSPECIFIED: 1 });
    // Most common first.
    expect(all.facets.teams![0]).toEqual({ value: 'Engineering', count: 2 });

    const filtered = await facets({ teams: ['engineering'], workplaceTypes: ['REMOTE'] });
    expect(filtered.totalCount).toBe(1); // Frontend Engineer
    // teams ignores the team filter but keeps workplaceTypes=REMOTE: Frontend (team spelled "engineering") and Designer (Design).
    expect(facet(filtered.facets, 'teams')).toEqual({ engineering: 1, Design: 1 });
    // workplaceTypes ignores its own filter but keeps team=engineering: Backend (HYBRID), Frontend (REMOTE).
    expect(facet(filtered.facets, 'workplaceTypes')).toEqual({ HYBRID: 1, REMOTE: 1 });
    // Other facets apply both filters.
    expect(facet(filtered.facets, 'levels')).toEqual({ Junior: 1 });
    expect(facet(filtered.facets, 'locations')).toEqual({ 'Remote (EU)': 1 });

    const byLocation = await facets({ locations: ['berlin'] });
    expect(facet(byLocation.facets, 'locations')).toEqual({ Berlin: 2, London: 2, 'Remote (EU)': 1, 'New York': 1, Paris: 1 });
    expect(facet(byLocation.facets, 'teams')).toEqual({ Engineering: 1, Design: 1 });
    const bySearch = await facets({ search: 'engineer' });
    expect(facet(bySearch.facets, 'teams')).toEqual({ Engineering: 2 });
  });

  it('pages with opaque cursors that stay stable while postings are added', async () => {
    for (const orderBy of ['NEWEST', 'OLDEST', 'TITLE']) {
      const seen: string[] = [];
      let after: string | null = null;
      let inserted = false;
      for (let guard = 0; guard < 10; guard++) {
        const page = await list({ first: 2, after, orderBy });
        expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
        seen.push(...page.nodes.map((n) => n.title));
        if (!inserted) {
          // A new posting between pages neither shifts nor repeats what follows (NEWEST puts it before the cursor).
          await createPosting(t, o.admin, { title: `Zeta Newcomer ${orderBy}`, team: 'Temp' });
          inserted = true;
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size, orderBy).toBe(seen.length);
      const expected = VISIBLE.filter((v) => seen.includes(v));
      expect(expected, orderBy).toEqual(VISIBLE);
      if (orderBy === 'TITLE') expect(seen.filter((s) => !s.startsWith('Zeta'))).toEqual([...seen.filter((s) => !s.startsWith('Zeta'))].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    }
  });

  it('rejects a malformed cursor, a cursor of another order, and a bad page size, naming the argument', async () => {
    const page = await list({ first: 1, orderBy: 'NEWEST' });
    for (const [variables, field] of [
      [{ after: 'garbage' }, 'after'],
      [{ after: Buffer.from('["NEWEST","x","y"]').toString('base64url') }, 'after'],
      [{ after: page.pageInfo.endCursor, orderBy: 'TITLE' }, 'after'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
    ] as const) {
      const res = await t.gql(LIST, variables, { token: o.key, path: PUBLIC });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it('reflects admin writes on the next identical request (the response cache is invalidated)', async () => {
    const id = await createPosting(t, o.admin, { title: 'Cache Probe', team: 'Probe' });
    const probe = async () => (await list({ filter: { teams: ['probe'] } })).nodes.map((n) => n.title);
    expect(await probe()).toEqual(['Cache Probe']);
    expect(await probe()).toEqual(['Cache Probe']);
    await t.gql(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Cache Probe 2" }) { id } }`, { id }, { token: o.admin });
    expect(await probe()).toEqual(['Cache Probe 2']);
    await t.gql(`mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }`, { id }, { token: o.admin });
    expect(await probe()).toEqual([]);
  });

  it('requires the postings key', async () => {
    const none = await t.gql(LIST, {}, { path: PUBLIC });
    expect(codeOf(none)).toBe('UNAUTHENTICATED');
    const session = await t.gql(LIST, {}, { path: PUBLIC, token: o.admin });
    expect(codeOf(session)).toBe('FORBIDDEN');
  });

  it('answers a page with its total in one statement, filtered or not, and the total past the last page', async () => {
    const own = await orgWithTokens(t);
    await insertSyntheticPostings(t.orm.em.fork(), own.org.organizationId, 30);
    const PAGE = `query($first: Int, $after: String, $filter: PostingFilter) { postings(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { id team } } pageInfo { endCursor hasNextPage } } }`;
    type Page = { postings: { totalCount: number; edges: { node: { id: string; team: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    const page = async (variables: Record<string, unknown>) => {
      const before = t.queries.length;
      const res = await t.gql<Page>(PAGE, variables, { token: own.key, path: PUBLIC });
      expect(res.errors).toBeUndefined();
      return { ...res.data!.postings, statements: t.queries.length - before };
    };
    const all = await page({ first: 100 });
    expect(all.totalCount).toBe(30);
    const team = all.edges[0]!.node.team;
    const ofTeam = all.edges.filter((e) => e.node.team === team).length;
    const first = await page({ first: 5 });
    expect(first).toMatchObject({ totalCount: 30, statements: 1 });
    // One team (plain equality) and two teams (an array) give the same totals as counting the rows.
    expect(await page({ first: 2, filter: { teams: [team.toUpperCase()] } })).toMatchObject({ totalCount: ofTeam, statements: 1 });
    expect((await page({ first: 2, filter: { teams: [team, 'no such team'] } })).totalCount).toBe(ofTeam);
    // Past the last page no row carries the total: it still comes back (from a second statement).
    const last = await page({ first: 30 });
    expect(last.pageInfo.hasNextPage).toBe(false);
    const beyond = await page({ first: 5, after: last.pageInfo.endCursor });
    expect(beyond).toMatchObject({ totalCount: 30, edges: [] });
    // Nothing matches at all: no row, and the total is 0 without another statement.
    expect(await page({ first: 5, filter: { teams: ['no such team'] } })).toMatchObject({ totalCount: 0, edges: [], statements: 1 });
  });

  it('issues the same number of SQL statements for page sizes 10 and 100', async () => {
    const big = await orgWithTokens(t);
    await insertSyntheticPostings(t.orm.em.fork(), big.org.organizationId, 400);
    const FULL = `query($first: Int, $after: String, $filter: PostingFilter) { postings(first: $first, after: $after, filter: $filter) {
      totalCount edges { cursor node { id title locations { name } questions { id } hostedUrl } } pageInfo { endCursor hasNextPage }
      facets { teams { value count } locations { value count } countries { value count } workplaceTypes { value count } } } }`;
    const measure = async (variables: Record<string, unknown>) => {
      const res0 = await t.gql<{ postings: { edges: unknown[]; pageInfo: { endCursor: string } } }>(FULL, variables, { token: big.key, path: PUBLIC });
      const before = t.queries.length;
      const res = await t.gql<{ postings: { edges: unknown[]; pageInfo: { endCursor: string } } }>(
        FULL,
        { ...variables, after: res0.data!.postings.pageInfo.endCursor },
        { token: big.key, path: PUBLIC },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.postings.edges).toHaveLength(variables.first as number);
      return t.queries.length - before;
    };
    const small = await measure({ first: 10 });
    const large = await measure({ first: 100 });
    expect(small).toBe(large);
    expect(small).toBeLessThanOrEqual(4);
    // With filters and a search (every synthetic posting says "work"; three of the four workplace types).
    const filter = { search: 'work', workplaceTypes: ['REMOTE', 'HYBRID', 'ON_SITE'], countries: ['US', 'GB', 'DE', 'FR', 'CA', 'PT', 'AU', 'SG'] };
    expect(await measure({ first: 10, filter })).toBe(small);
    expect(await measure({ first: 100, filter })).toBe(small);
  });
});
