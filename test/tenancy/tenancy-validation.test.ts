import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }';
const UPDATE_USER = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name } }';
const SETTINGS = `mutation($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    settings { allowedOrigins careersSiteUrl maxCredentialLifetimeDays feedEnabled lockCredentialPermissions }
  }
}`;
const USERS_PAGE = `query($first: Int, $after: String) {
  users(first: $first, after: $after) {
    totalCount
    edges { cursor node { id email } }
    nodes { id }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Problem {
  message: string;
  extensions?: Record<string, unknown>;
}

function expectBadInput(errors: Problem[] | undefined, field: string) {
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const named = String(errors?.[0]?.extensions?.field ?? '') + ' ' + (errors?.[0]?.message ?? '');
  expect(named).toContain(field);
}

describe('tenant isolation, validation and connections', () => {
  let t: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  let tokenA: string;
  let tokenB: string;
  const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);
  const count = async (table: string) => ((await sql(`select count(*)::int as n from ${table}`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOrg(t);
    b = await createOrg(t);
    tokenA = await login(t, a.slug, a.adminEmail, a.adminPassword);
    tokenB = await login(t, b.slug, b.adminEmail, b.adminPassword);
    for (let i = 0; i < 3; i += 1) {
      const res = await t.gql(CREATE_USER, { input: { email: `a${i}@${a.slug}.test`, name: `A ${i}`, role: 'ADMIN', password: 'long enough password' } }, { token: tokenA });
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(async () => t?.close());

  describe('tenant isolation', () => {
    it("a second organization's user sees none of the first's users or audit events", async () => {
      const users = await t.gql<{ users: { totalCount: number; nodes: { id: string }[] } }>('{ users(first: 100) { totalCount nodes { id } } }', {}, { token: tokenB });
      expect(users.data?.users.totalCount).toBe(1);
      expect(users.data?.users.nodes).toEqual([{ id: b.adminUserId }]);
      const events = await t.gql<{ auditEvents: { nodes: { targetId: string | null; action: string }[] } }>(
        '{ auditEvents(first: 100) { nodes { targetId action } } }',
        {},
        { token: tokenB },
      );
      const idsOfA = new Set([a.adminUserId, a.organizationId]);
      expect(events.data?.auditEvents.nodes.length).toBeGreaterThan(0);
      expect(events.data?.auditEvents.nodes.filter((e) => idsOfA.has(String(e.targetId)))).toEqual([]);
      const byActor = await t.gql<{ auditEvents: { totalCount: number } }>(
        'query($id: String) { auditEvents(filter: { actorId: $id }) { totalCount } }',
        { id: a.adminUserId },
        { token: tokenB },
      );
      expect(byActor.data?.auditEvents.totalCount).toBe(0);
      const org = await t.gql<{ organization: { id: string } }>('{ organization { id } }', {}, { token: tokenB });
      expect(org.data?.organization.id).toBe(b.organizationId);
    });

    it("user(id) of another organization's user is null; updating or deactivating it is NOT_FOUND", async () => {
      const one = await t.gql<{ user: unknown }>('query($id: ID!) { user(id: $id) { id email } }', { id: a.adminUserId }, { token: tokenB });
      expect(one.errors).toBeUndefined();
      expect(one.data?.user).toBeNull();
      const events = await count('audit_events');
      const upd = await t.gql(UPDATE_USER, { id: a.adminUserId, input: { name: 'Hijacked' } }, { token: tokenB });
      expect(upd.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      for (const op of ['deactivateUser', 'reactivateUser']) {
        const res = await t.gql(`mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: a.adminUserId }, { token: tokenB });
        expect(res.errors?.[0]?.extensions?.code, op).toBe('NOT_FOUND');
      }
      expect(await sql('select name, active from users where id = ?', [a.adminUserId])).toEqual([{ name: 'Ada Admin', active: true }]);
      expect(await count('audit_events')).toBe(events);
    });

    it('the same email may exist in two organizations', async () => {
      const res = await t.gql(CREATE_USER, { input: { email: a.adminEmail, name: 'Twin', role: 'ADMIN', password: 'long enough password' } }, { token: tokenB });
      expect(res.errors).toBeUndefined();
    });
  });

  describe('validation', () => {
    const bad = [
      { field: 'password', input: { email: 'short@x.test', name: 'Short', role: 'ADMIN', password: 'elevenchars' } },
      { field: 'email', input: { email: 'not-an-email', name: 'Bad', role: 'ADMIN', password: 'long enough password' } },
      { field: 'name', input: { email: 'blank@x.test', name: '   ', role: 'ADMIN', password: 'long enough password' } },
    ];
    for (const { field, input } of bad) {
      it(`createUser with a bad ${field} is BAD_USER_INPUT naming it, and writes nothing`, async () => {
        const [users, events] = [await count('users'), await count('audit_events')];
        const res = await t.gql(CREATE_USER, { input }, { token: tokenA });
        expect(res.data).toBeNull();
        expectBadInput(res.errors, field);
        expect(await count('users')).toBe(users);
        expect(await count('audit_events')).toBe(events);
      });
    }

    it('a password of exactly 12 characters is accepted', async () => {
      const res = await t.gql(CREATE_USER, { input: { email: `twelve@${a.slug}.test`, name: 'Twelve', role: 'TEAM_MEMBER', password: '123456789012' } }, { token: tokenA });
      expect(res.errors).toBeUndefined();
    });

    it('a duplicate email, compared case-insensitively, is CONFLICT and writes nothing', async () => {
      const [users, events] = [await count('users'), await count('audit_events')];
      const res = await t.gql(CREATE_USER, { input: { email: `  A0@${a.slug.toUpperCase()}.TEST `, name: 'Dup', role: 'ADMIN', password: 'long enough password' } }, { token: tokenA });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await count('users')).toBe(users);
      expect(await count('audit_events')).toBe(events);
    });

    it('two concurrent creations of one email: one succeeds, the other is CONFLICT', async () => {
      const input = (email: string) => ({ input: { email, name: 'Racer', role: 'TEAM_MEMBER', password: 'long enough password' } });
      const results = await Promise.all([
        t.gql(CREATE_USER, input(`racer@${a.slug}.test`), { token: tokenA }),
        t.gql(CREATE_USER, input(`RACER@${a.slug}.test`), { token: tokenA }),
        t.gql(CREATE_USER, input(`Racer@${a.slug}.test`), { token: tokenA }),
      ]);
      const codes = results.map((r) => String(r.errors?.[0]?.extensions?.code ?? 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      expect(await sql('select count(*)::int as n from users where email = ?', [`racer@${a.slug}.test`])).toEqual([{ n: 1 }]);
      expect(await sql(`select count(*)::int as n from audit_events where action = 'user.created' and changes->>'email' = ?`, [`racer@${a.slug}.test`])).toEqual([{ n: 1 }]);
    });

    const badSettings = [
      { field: 'allowedOrigins', input: { allowedOrigins: ['https://ok.example.com', 'https://careers.example.com/path'] } },
      { field: 'allowedOrigins', input: { allowedOrigins: ['ftp://files.example.com'] } },
      { field: 'careersSiteUrl', input: { careersSiteUrl: 'javascript:alert(1)' } },
      { field: 'careersSiteUrl', input: { careersSiteUrl: 'not a url' } },
      { field: 'maxCredentialLifetimeDays', input: { maxCredentialLifetimeDays: 0 } },
      { field: 'maxCredentialLifetimeDays', input: { maxCredentialLifetimeDays: 3651 } },
    ];
    for (const { field, input } of badSettings) {
      it(`settings: ${JSON.stringify(input)} is BAD_USER_INPUT naming ${field}; nothing changes`, async () => {
        const before = await sql('select settings from organizations where id = ?', [a.organizationId]);
        const events = await count('audit_events');
        // A valid change alongside the bad one must not be applied either.
        const res = await t.gql(SETTINGS, { input: { ...input, feedEnabled: false } }, { token: tokenA });
        expect(res.data).toBeNull();
        expectBadInput(res.errors, field);
        expect(await sql('select settings from organizations where id = ?', [a.organizationId])).toEqual(before);
        expect(await count('audit_events')).toBe(events);
      });
    }

    it('valid settings are saved', async () => {
      const res = await t.gql<{ updateOrganizationSettings: { settings: Record<string, unknown> } }>(
        SETTINGS,
        { input: { allowedOrigins: ['https://careers.example.com', 'http://localhost:3000'], careersSiteUrl: 'https://careers.example.com/jobs', maxCredentialLifetimeDays: 90 } },
        { token: tokenA },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateOrganizationSettings.settings).toMatchObject({
        allowedOrigins: ['https://careers.example.com', 'http://localhost:3000'],
        careersSiteUrl: 'https://careers.example.com/jobs',
        maxCredentialLifetimeDays: 90,
      });
    });

    it('a malformed id is answered like an absent one: null for the query, NOT_FOUND for mutations', async () => {
      const read = await t.gql<{ user: null }>('{ user(id: "not-a-uuid") { id } }', {}, { token: tokenA });
      expect(read.errors).toBeUndefined();
      expect(read.data!.user).toBeNull();
      for (const res of [
        await t.gql(UPDATE_USER, { id: '123', input: { name: 'x' } }, { token: tokenA }),
        await t.gql('mutation { deactivateUser(id: "nope") { id } }', {}, { token: tokenA }),
      ]) {
        expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('connections', () => {
    it('first must be 1..100', async () => {
      for (const first of [0, 101, -1]) {
        const res = await t.gql(USERS_PAGE, { first }, { token: tokenA });
        expect(res.data?.users ?? null).toBeNull(); // root fields are nullable: the failed field is null, not all of data
        expectBadInput(res.errors, 'first');
      }
      expectBadInput((await t.gql('{ auditEvents(first: 101) { totalCount } }', {}, { token: tokenA })).errors, 'first');
    });

    it('a bad cursor is BAD_USER_INPUT naming after', async () => {
      for (const after of ['garbage', 'bm90LWpzb24', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
        const res = await t.gql(USERS_PAGE, { first: 2, after }, { token: tokenA });
        expect(res.data?.users ?? null).toBeNull();
        expectBadInput(res.errors, 'after');
      }
      expectBadInput((await t.gql('{ auditEvents(after: "garbage") { totalCount } }', {}, { token: tokenA })).errors, 'after');
    });

    it('walking every page gives each user once, with the right totalCount and hasNextPage', async () => {
      const all = await t.gql<{ users: { totalCount: number } }>('{ users(first: 100) { totalCount } }', {}, { token: tokenA });
      const total = all.data!.users.totalCount;
      expect(total).toBeGreaterThanOrEqual(5);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: { data: { users: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null; errors?: unknown } =
          await t.gql(USERS_PAGE, { first: 2, after }, { token: tokenA });
        expect(res.errors).toBeUndefined();
        const page = res.data!.users;
        pages += 1;
        expect(page.totalCount).toBe(total);
        expect(page.nodes.map((x) => x.id)).toEqual(page.edges.map((e) => e.node.id));
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        seen.push(...page.nodes.map((x) => x.id));
        expect(page.pageInfo.hasNextPage).toBe(seen.length < total);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(100);
      }
      expect(pages).toBe(Math.ceil(total / 2));
      expect(new Set(seen).size).toBe(total);
      const ids = ((await sql('select id from users where organization_id = ?', [a.organizationId])) as { id: string }[]).map((r) => r.id);
      expect([...seen].sort()).toEqual([...ids].sort());
    });
  });
});
