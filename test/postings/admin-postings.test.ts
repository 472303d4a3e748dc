import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { createKey } from '../credentials/helpers';
import { CREATE, PUBLIC, codeOf, createPosting, postingInput, publicToken } from './helpers';

const READ = `query($id: ID!) { posting(id: $id) { id title state confidential team locations { name countryCode } country
  descriptionHtml descriptionPlain lists { title contentHtml contentPlain } salaryRange { min max currency interval }
  questions { id label kind required options } publishedAt createdBy { type id name } } }`;
const LIST = `query($filter: AdminPostingFilter, $first: Int, $after: String) {
  postings(filter: $filter, first: $first, after: $after) { totalCount nodes { id title state confidential } pageInfo { hasNextPage endCursor } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePostingInput!) { updatePosting(id: $id, input: $input) { id title team updatedAt } }`;
const SET_STATE = `mutation($id: ID!, $state: PostingState!) { setPostingState(id: $id, state: $state) { id state publishedAt } }`;
const DELETE = `mutation($id: ID!) { deletePosting(id: $id) }`;

function fields(res: { errors?: { extensions?: Record<string, unknown> }[] }): string[] {
  return ((res.errors?.[0]?.extensions?.fields as { field: string }[] | undefined) ?? []).map((f) => f.field);
}

describe('admin postings API', () => {
  let t: TestApp;
  let admin: string;
  let org: Awaited<ReturnType<typeof createOrg>>;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const rows = await t.orm.em.getConnection().execute<{ n: string }[]>(sql, params);
    return Number(rows[0]!.n);
  }

  it('creates a posting with sanitized HTML, plain twins, questions and attribution, and audits it', async () => {
    const res = await t.gql<{ createPosting: { id: string; state: string; publishedAt: string | null; createdBy: { type: string; id: string; name: string } } }>(
      CREATE,
      {
        input: postingInput({
          state: 'DRAFT',
          descriptionHtml: '<p style="color:red" onclick="x()">Hello &amp; <b>welcome</b><script>alert(1)</script></p><iframe src="https://evil"></iframe>',
          lists: [{ title: 'You will', contentHtml: '<ul><li>Ship</li><li>Learn&nbsp;a lot</li></ul>' }],
          salaryRange: { min: 60000, max: 80000, currency: 'EUR', interval: 'PER_YEAR' },
          locations: [{ name: 'Berlin', countryCode: 'de' }, { name: 'Remote (EU)' }],
          questions: [
            { label: 'Why us?', kind: 'TEXTAREA', required: true },
            { id: 'lang', label: 'Languages', kind: 'MULTI_SELECT', options: ['German', 'English'] },
          ],
        }),
      },
      { token: admin },
    );
    expect(res.errors).toBeUndefined();
    const created = res.data!.createPosting;
    expect(created.state).toBe('DRAFT');
    expect(created.publishedAt).toBeNull();
    expect(created.createdBy).toEqual({ type: 'USER', id: org.adminUserId, name: 'Ada Admin' });

    const read = await t.gql<{ posting: Record<string, unknown> & { questions: { id: string; options: string[] }[] } }>(READ, { id: created.id }, { token: admin });
    const p = read.data!.posting;
    expect(p.descriptionHtml).toBe('<p>Hello &amp; <b>welcome</b></p>');
    expect(p.descriptionPlain).toBe('Hello & welcome');
    expect(p.lists).toEqual([{ title: 'You will', contentHtml: '<ul><li>Ship</li><li>Learn&nbsp;a lot</li></ul>'.replace('&nbsp;', '\u00a0'), contentPlain: '- Ship\n- Learn a lot' }]);
    expect(p.country).toBe('DE');
    expect(p.locations).toEqual([{ name: 'Berlin', countryCode: 'DE' }, { name: 'Remote (EU)', countryCode: null }]);
    expect(p.questions[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.questions[1]).toMatchObject({ id: 'lang', options: ['German', 'English'], required: false });
    expect(p.salaryRange).toEqual({ min: 60000, max: 80000, currency: 'EUR', interval: 'PER_YEAR' });

    expect(await count(`select count(*) as n from audit_events where action = 'posting.created' and target_id = ?`, [created.id])).toBe(1);
  });

  it('reports every invalid field by name and persists nothing', async () => {
    const before = await count(`select count(*) as n from postings`);
    const auditsBefore = await count(`select count(*) as n from audit_events`);
    const res = await t.gql(
      CREATE,
      {
        input: postingInput({
          title: ' ',
          descriptionHtml: 'x'.repeat(100 * 1024 + 1),
          locations: [{ name: '', countryCode: 'USA' }, { name: 'Paris' }, { name: 'paris ' }],
          salaryRange: { min: 10, max: 5, currency: 'usd', interval: 'PER_YEAR' },
          questions: [
            { id: 'a', label: 'Pick', kind: 'SINGLE_SELECT' },
            { id: 'a', label: '', kind: 'TEXT', options: ['x'] },
            { label: 'Dup', kind: 'MULTI_SELECT', options: ['x', 'x', ''] },
          ],
        }),
      },
      { token: admin },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual(
      expect.arrayContaining([
        'title',
        'locations[0].name',
        'locations[0].countryCode',
        'locations[2].name',
        'descriptionHtml',
        'salaryRange.currency',
        'salaryRange.max',
        'questions[0].options',
        'questions[1].id',
        'questions[1].label',
        'questions[1].options',
        'questions[2].options',
      ]),
    );
    const noLocations = await t.gql(CREATE, { input: postingInput({ locations: [] }) }, { token: admin });
    expect(fields(noLocations)).toEqual(['locations']);
    const tooMany = await t.gql(
      CREATE,
      { input: postingInput({ questions: Array.from({ length: 51 }, (_, i) => ({ label: `Q${i}`, kind: 'TEXT' })) }) },
      { token: admin },
    );
    expect(fields(tooMany)).toContain('questions');
    const negative = await t.gql(CREATE, { input: postingInput({ salaryRange: { min: -1, max: 5, currency: 'USD', interval: 'PER_HOUR' } }) }, { token: admin });
    expect(fields(negative)).toEqual(['salaryRange.min']);
    expect(await count(`select count(*) as n from postings`)).toBe(before);
    expect(await count(`select count(*) as n from audit_events`)).toBe(auditsBefore);
  });

  it('updates only the given fields, audits the diff, and rejects bad updates without change', async () => {
    const id = await createPosting(t, admin, { title: 'Before', team: 'Sales' });
    const res = await t.gql<{ updatePosting: { title: string; team: string | null } }>(UPDATE, { id, input: { title: 'After', team: null } }, { token: admin });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updatePosting).toMatchObject({ title: 'After', team: null });
    const rows = await t.orm.em
      .getConnection()
      .execute<{ changes: Record<string, unknown> }[]>(`select changes from audit_events where action = 'posting.updated' and target_id = ?`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.changes).toEqual({ title: { before: 'Before', after: 'After' }, team: { before: 'Sales', after: null } });

    const bad = await t.gql(UPDATE, { id, input: { title: 'x'.repeat(201) } }, { token: admin });
    expect(fields(bad)).toEqual(['title']);
    const read = await t.gql<{ posting: { title: string } }>(READ, { id }, { token: admin });
    expect(read.data!.posting.title).toBe('After');

    const missing = await t.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { title: 'x' } }, { token: admin });
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it('sets publishedAt once, on the first publication', async () => {
    const id = await createPosting(t, admin, { state: 'DRAFT' });
    const first = await t.gql<{ setPostingState: { state: string; publishedAt: string } }>(SET_STATE, { id, state: 'PUBLISHED' }, { token: admin });
    expect(first.data!.setPostingState.state).toBe('PUBLISHED');
    const publishedAt = first.data!.setPostingState.publishedAt;
    expect(publishedAt).toBeTruthy();
    await t.gql(SET_STATE, { id, state: 'CLOSED' }, { token: admin });
    const again = await t.gql<{ setPostingState: { publishedAt: string } }>(SET_STATE, { id, state: 'PUBLISHED' }, { token: admin });
    expect(again.data!.setPostingState.publishedAt).toBe(publishedAt);
    expect(await count(`select count(*) as n from audit_events where action = 'posting.state_changed' and target_id = ?`, [id])).toBe(3);
  });

  it('deletes a posting without applications, and refuses one with applications', async () => {
    const id = await createPosting(t, admin);
    const res = await t.gql<{ deletePosting: boolean }>(DELETE, { id }, { token: admin });
    expect(res.data!.deletePosting).toBe(true);
    expect(await count(`select count(*) as n from postings where id = ?`, [id])).toBe(0);
    expect(await count(`select count(*) as n from audit_events where action = 'posting.deleted' and target_id = ?`, [id])).toBe(1);
    const gone = await t.gql<{ posting: null }>(READ, { id }, { token: admin });
    expect(gone.data!.posting).toBeNull();

    // Applications belong to another module: apply through the public API when it exists, else stand a table in.
    const other = await createPosting(t, admin);
    const hasTable = await count(`select (to_regclass('applications') is not null)::int as n`);
    if (hasTable) {
      const applied = await t.gql(
        `mutation($id: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $id, input: $input) { applicationId } }`,
        { id: other, input: { name: 'Casey Candidate', email: 'casey@example.test' } },
        { token: await publicToken(t, org), path: PUBLIC },
      );
      expect(applied.errors).toBeUndefined();
    } else {
      await t.orm.em.getConnection().execute(`create table applications (id uuid primary key, posting_id uuid not null)`);
      await t.orm.em.getConnection().execute(`insert into applications (id, posting_id) values (gen_random_uuid(), ?)`, [other]);
    }
    const conflict = await t.gql(DELETE, { id: other }, { token: admin });
    expect(codeOf(conflict)).toBe('CONFLICT');
    expect(conflict.errors![0]!.message).toMatch(/close it instead/);
    expect(await count(`select count(*) as n from postings where id = ?`, [other])).toBe(1);
    if (!hasTable) await t.orm.em.getConnection().execute(`drop table applications`);
  });

  it('filters and pages the admin list', async () => {
    const other = await createOrg(t);
    const otherAdmin = await login(t, other.slug, other.adminEmail, other.adminPassword);
    const ids = {
      a: await createPosting(t, otherAdmin, { title: 'Alpha kernel hacker', team: 'Platform', state: 'DRAFT', locations: [{ name: 'Lisbon' }, { name: 'Porto' }] }),
      b: await createPosting(t, otherAdmin, { title: 'Beta designer', team: 'design', department: 'Product', state: 'PUBLISHED' }),
      c: await createPosting(t, otherAdmin, { title: 'Gamma', team: 'Design', confidential: true, state: 'INTERNAL' }),
    };
    const list = async (filter: Record<string, unknown>) => {
      const res = await t.gql<{ postings: { totalCount: number; nodes: { id: string }[] } }>(LIST, { filter }, { token: otherAdmin });
      expect(res.errors).toBeUndefined();
      return res.data!.postings.nodes.map((n) => n.id).sort();
    };
    expect(await list({})).toEqual(Object.values(ids).sort());
    expect(await list({ states: ['DRAFT', 'INTERNAL'] })).toEqual([ids.a, ids.c].sort());
    expect(await list({ confidential: true })).toEqual([ids.c]);
    expect(await list({ teams: ['DESIGN'] })).toEqual([ids.b, ids.c].sort());
    expect(await list({ departments: ['product'] })).toEqual([ids.b]);
    expect(await list({ locations: ['porto'] })).toEqual([ids.a]);
    expect(await list({ search: 'kernel' })).toEqual([ids.a]);
    expect(await list({ search: 'kern' })).toEqual([ids.a]); // prefix matching, as on the public API
    expect(await list({ teams: ['design'], states: ['PUBLISHED'] })).toEqual([ids.b]);

    const page1 = await t.gql<{ postings: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      LIST,
      { first: 2 },
      { token: otherAdmin },
    );
    expect(page1.data!.postings.totalCount).toBe(3);
    expect(page1.data!.postings.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql<{ postings: { nodes: { id: string }[] } }>(LIST, { first: 2, after: page1.data!.postings.pageInfo.endCursor }, { token: otherAdmin });
    expect([...page1.data!.postings.nodes, ...page2.data!.postings.nodes].map((n) => n.id).sort()).toEqual(Object.values(ids).sort());
    expect(codeOf(await t.gql(LIST, { after: 'garbage' }, { token: otherAdmin }))).toBe('BAD_USER_INPUT');

    // Tenancy: the first organization's admin sees none of these.
    const cross = await t.gql<{ posting: null }>(READ, { id: ids.a }, { token: admin });
    expect(cross.data!.posting).toBeNull();
    expect(codeOf(await t.gql(SET_STATE, { id: ids.a, state: 'CLOSED' }, { token: admin }))).toBe('NOT_FOUND');
  });

  it('hides confidential postings from TEAM_MEMBERs: not found, not listed, not counted', async () => {
    const team = await createOrg(t);
    const teamAdmin = await login(t, team.slug, team.adminEmail, team.adminPassword);
    const secret = await createPosting(t, teamAdmin, { title: 'Secret VP', confidential: true });
    const open = await createPosting(t, teamAdmin, { title: 'Open role' });
    const member = await userWithRole(t, team, teamAdmin, 'TEAM_MEMBER');

    const list = await t.gql<{ postings: { totalCount: number; nodes: { id: string }[] } }>(LIST, {}, { token: member.token });
    expect(list.errors).toBeUndefined();
    expect(list.data!.postings.nodes.map((n) => n.id)).toEqual([open]);
    expect(list.data!.postings.totalCount).toBe(1);
    expect((await t.gql<{ posting: null }>(READ, { id: secret }, { token: member.token })).data!.posting).toBeNull();
    expect(codeOf(await t.gql(UPDATE, { id: secret, input: { title: 'x' } }, { token: member.token }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(SET_STATE, { id: secret, state: 'CLOSED' }, { token: member.token }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(DELETE, { id: secret }, { token: member.token }))).toBe('NOT_FOUND');

    // The member can still manage the postings they may see, attributed to them.
    const mine = await t.gql<{ createPosting: { createdBy: { type: string; id: string } } }>(CREATE, { input: postingInput() }, { token: member.token });
    expect(mine.data!.createPosting.createdBy).toMatchObject({ type: 'USER', id: member.id });
    const adminList = await t.gql<{ postings: { totalCount: number } }>(LIST, {}, { token: teamAdmin });
    expect(adminList.data!.postings.totalCount).toBe(3);
  });

  it('attributes postings created by a key to the key, by name, and hides confidential ones from keys without allowConfidential', async () => {
    const key = await createKey(t, admin, { name: 'ATS sync', operations: ['postings.create', 'postings.list', 'postings.read'] });
    const res = await t.gql<{ createPosting: { id: string; createdBy: Record<string, unknown> } }>(
      `mutation($input: CreatePostingInput!) { createPosting(input: $input) { id createdBy { type id name logoUrl } } }`,
      { input: postingInput({ title: 'Imported role' }) },
      { token: key.secret },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createPosting.createdBy).toEqual({ type: 'API_CREDENTIAL', id: key.id, name: 'ATS sync', logoUrl: null });
    const audit = await t.orm.em
      .getConnection()
      .execute<{ actor_type: string; actor_id: string }[]>(`select actor_type, actor_id from audit_events where action = 'posting.created' and target_id = ?`, [res.data!.createPosting.id]);
    expect(audit).toEqual([{ actor_type: 'API_CREDENTIAL', actor_id: key.id }]);

    const secret = await createPosting(t, admin, { title: 'Hidden from keys', confidential: true });
    const read = await t.gql<{ posting: null }>(READ, { id: secret }, { token: key.secret });
    expect(read.errors).toBeUndefined();
    expect(read.data!.posting).toBeNull();
    const list = await t.gql<{ postings: { nodes: { id: string }[] } }>(LIST, { first: 100 }, { token: key.secret });
    expect(list.data!.postings.nodes.map((n) => n.id)).not.toContain(secret);
    const allowed = await createKey(t, admin, { name: 'HR', operations: ['postings.read'], allowConfidential: true });
    const seen = await t.gql<{ posting: { id: string } }>(READ, { id: secret }, { token: allowed.secret });
    expect(seen.data!.posting.id).toBe(secret);
  });

  it('answers malformed ids without a server error', async () => {
    expect((await t.gql<{ posting: null }>(READ, { id: 'not-a-uuid' }, { token: admin })).data!.posting).toBeNull();
    expect(codeOf(await t.gql(DELETE, { id: 'nope' }, { token: admin }))).toBe('NOT_FOUND');
  });
});
