import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, userWithRole, type SeededOrg, type TestApp } from '../helpers/test-app';

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email role canManageApiCredentials } }';
const UPDATE_USER = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role canManageApiCredentials name } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) { id active } }';

type Role = 'SUPER_ADMIN' | 'ADMIN' | 'TEAM_MEMBER';

describe('role enforcement, escalation and the last Super Admin', () => {
  let t: TestApp;
  let org: SeededOrg;
  let superToken: string;
  let adminToken: string;
  let memberToken: string;
  const tokens = {} as Record<Role, string>;
  let n = 0;

  const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);
  const auditCount = async () => ((await sql('select count(*)::int as n from audit_events')) as { n: number }[])[0].n;
  const userCount = async () => ((await sql('select count(*)::int as n from users')) as { n: number }[])[0].n;

  /** A fresh TEAM_MEMBER to act on, created by the Super Admin. */
  async function target(role: Role = 'TEAM_MEMBER', extra: { inactive?: boolean } = {}): Promise<string> {
    n += 1;
    const res = await t.gql<{ createUser: { id: string } }>(
      CREATE_USER,
      { input: { email: `target-${n}@${org.slug}.test`, name: `Target ${n}`, role, password: 'target password long' } },
      { token: superToken },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const id = res.data.createUser.id;
    if (extra.inactive) await t.gql(DEACTIVATE, { id }, { token: superToken });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    superToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
    adminToken = (await userWithRole(t, org, superToken, 'ADMIN')).token;
    memberToken = (await userWithRole(t, org, superToken, 'TEAM_MEMBER')).token;
    Object.assign(tokens, { SUPER_ADMIN: superToken, ADMIN: adminToken, TEAM_MEMBER: memberToken });
  });
  afterAll(async () => t?.close());

  /** Every operation of issue 2 with arguments that are valid for a caller allowed to run it. */
  const operations: { name: string; run: (token: string) => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>; allowed: Role[] }[] = [
    { name: 'me', run: (token) => t.gql('{ me { id } }', {}, { token }), allowed: ['SUPER_ADMIN', 'ADMIN', 'TEAM_MEMBER'] },
    { name: 'organization', run: (token) => t.gql('{ organization { id slug } }', {}, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    { name: 'users', run: (token) => t.gql('{ users { totalCount } }', {}, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    { name: 'user', run: async (token) => t.gql('query($id: ID!) { user(id: $id) { id } }', { id: await target() }, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    {
      name: 'createUser',
      run: (token) => {
        n += 1;
        return t.gql(CREATE_USER, { input: { email: `made-${n}@${org.slug}.test`, name: 'Made', role: 'TEAM_MEMBER', password: 'made password long' } }, { token });
      },
      allowed: ['SUPER_ADMIN', 'ADMIN'],
    },
    { name: 'updateUser', run: async (token) => t.gql(UPDATE_USER, { id: await target(), input: { name: 'Renamed' } }, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    { name: 'deactivateUser', run: async (token) => t.gql(DEACTIVATE, { id: await target() }, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    { name: 'reactivateUser', run: async (token) => t.gql(REACTIVATE, { id: await target('TEAM_MEMBER', { inactive: true }) }, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    { name: 'auditEvents', run: (token) => t.gql('{ auditEvents { totalCount } }', {}, { token }), allowed: ['SUPER_ADMIN', 'ADMIN'] },
    {
      name: 'updateOrganizationSettings',
      run: (token) => t.gql('mutation { updateOrganizationSettings(input: { feedEnabled: true }) { id } }', {}, { token }),
      allowed: ['SUPER_ADMIN'],
    },
  ];

  for (const role of ['SUPER_ADMIN', 'ADMIN', 'TEAM_MEMBER'] as const) {
    for (const op of operations) {
      const allowed = op.allowed.includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} call ${op.name}`, async () => {
        const res = await op.run(tokens[role]);
        if (allowed) expect(res.errors).toBeUndefined();
        else expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });
    }
  }

  it('an anonymous caller is UNAUTHENTICATED on every operation but login', async () => {
    for (const op of operations) {
      const res = await op.run('');
      expect(res.errors?.[0]?.extensions?.code, op.name).toBe('UNAUTHENTICATED');
    }
  });

  describe('escalation by an ADMIN (FORBIDDEN, nothing written, no audit event)', () => {
    async function expectRefused(run: () => Promise<{ errors?: { extensions?: Record<string, unknown> }[]; data: unknown }>) {
      const [users, events, before] = [await userCount(), await auditCount(), await sql('select id, role, name, active, can_manage_api_credentials from users order by id')];
      const res = await run();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await userCount()).toBe(users);
      expect(await auditCount()).toBe(events);
      expect(await sql('select id, role, name, active, can_manage_api_credentials from users order by id')).toEqual(before);
    }

    it('cannot create a SUPER_ADMIN', async () => {
      await expectRefused(() =>
        t.gql(CREATE_USER, { input: { email: `sneaky@${org.slug}.test`, name: 'Sneaky', role: 'SUPER_ADMIN', password: 'sneaky password long' } }, { token: adminToken }),
      );
    });

    it('cannot promote anyone to SUPER_ADMIN, including themself', async () => {
      const id = await target('ADMIN');
      await expectRefused(() => t.gql(UPDATE_USER, { id, input: { role: 'SUPER_ADMIN' } }, { token: adminToken }));
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, { token: adminToken });
      await expectRefused(() => t.gql(UPDATE_USER, { id: me.data!.me.id, input: { role: 'SUPER_ADMIN' } }, { token: adminToken }));
    });

    it('cannot alter, demote or deactivate a SUPER_ADMIN', async () => {
      const id = await target('SUPER_ADMIN');
      await expectRefused(() => t.gql(UPDATE_USER, { id, input: { name: 'Renamed by admin' } }, { token: adminToken }));
      await expectRefused(() => t.gql(UPDATE_USER, { id, input: { role: 'TEAM_MEMBER' } }, { token: adminToken }));
      await expectRefused(() => t.gql(DEACTIVATE, { id }, { token: adminToken }));
      await expectRefused(() => t.gql(UPDATE_USER, { id: org.adminUserId, input: { name: 'x' } }, { token: adminToken }));
    });

    it('cannot grant canManageApiCredentials (to others or themself)', async () => {
      const id = await target('ADMIN');
      await expectRefused(() => t.gql(UPDATE_USER, { id, input: { canManageApiCredentials: true } }, { token: adminToken }));
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, { token: adminToken });
      await expectRefused(() => t.gql(UPDATE_USER, { id: me.data!.me.id, input: { canManageApiCredentials: true } }, { token: adminToken }));
    });

    it('a SUPER_ADMIN can do all of these', async () => {
      const id = await target('ADMIN');
      const res = await t.gql<{ updateUser: { role: string; canManageApiCredentials: boolean } }>(
        UPDATE_USER,
        { id, input: { canManageApiCredentials: true } },
        { token: superToken },
      );
      expect(res.data?.updateUser.canManageApiCredentials).toBe(true);
      const promoted = await t.gql<{ updateUser: { role: string } }>(UPDATE_USER, { id, input: { role: 'SUPER_ADMIN' } }, { token: superToken });
      expect(promoted.data?.updateUser.role).toBe('SUPER_ADMIN');
    });
  });

  describe('the last active Super Admin', () => {
    it('cannot be demoted or deactivated (CONFLICT); with a second one it works', async () => {
      const other = await createOrg(t);
      const token = await login(t, other.slug, other.adminEmail, other.adminPassword);
      const events = await auditCount();

      const demote = await t.gql(UPDATE_USER, { id: other.adminUserId, input: { role: 'ADMIN' } }, { token });
      expect(demote.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const deactivate = await t.gql(DEACTIVATE, { id: other.adminUserId }, { token });
      expect(deactivate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await auditCount()).toBe(events);
      expect(await sql('select role, active from users where id = ?', [other.adminUserId])).toEqual([{ role: 'SUPER_ADMIN', active: true }]);

      // A second Super Admin makes both possible.
      const second = await t.gql<{ createUser: { id: string } }>(
        CREATE_USER,
        { input: { email: `second@${other.slug}.test`, name: 'Second', role: 'SUPER_ADMIN', password: 'second password long' } },
        { token },
      );
      const secondId = second.data!.createUser.id;
      const demoted = await t.gql<{ updateUser: { role: string } }>(UPDATE_USER, { id: other.adminUserId, input: { role: 'ADMIN' } }, { token });
      expect(demoted.errors).toBeUndefined();
      expect(demoted.data?.updateUser.role).toBe('ADMIN');

      // Now the second one is the last: it cannot be deactivated, by anyone.
      const secondToken = await login(t, other.slug, `second@${other.slug}.test`, 'second password long');
      const last = await t.gql(DEACTIVATE, { id: secondId }, { token: secondToken });
      expect(last.errors?.[0]?.extensions?.code).toBe('CONFLICT');

      // Promote the first back; then deactivating the second works.
      const back = await t.gql(UPDATE_USER, { id: other.adminUserId, input: { role: 'SUPER_ADMIN' } }, { token: secondToken });
      expect(back.errors).toBeUndefined();
      const off = await t.gql<{ deactivateUser: { active: boolean } }>(DEACTIVATE, { id: secondId }, { token: secondToken });
      expect(off.errors).toBeUndefined();
      expect(off.data?.deactivateUser.active).toBe(false);
    });

    it('two Super Admins deactivating each other at the same time leave exactly one active', async () => {
      const other = await createOrg(t);
      const tokenA = await login(t, other.slug, other.adminEmail, other.adminPassword);
      const second = await t.gql<{ createUser: { id: string } }>(
        CREATE_USER,
        { input: { email: `race@${other.slug}.test`, name: 'Race', role: 'SUPER_ADMIN', password: 'second password long' } },
        { token: tokenA },
      );
      const idB = second.data!.createUser.id;
      const tokenB = await login(t, other.slug, `race@${other.slug}.test`, 'second password long');
      const [ab, ba] = await Promise.all([
        t.gql(DEACTIVATE, { id: idB }, { token: tokenA }),
        t.gql(DEACTIVATE, { id: other.adminUserId }, { token: tokenB }),
      ]);
      const codes = [ab, ba].map((r) => String(r.errors?.[0]?.extensions?.code ?? 'OK'));
      // One wins; the other hits the guard (CONFLICT) or finds its own session already ended (UNAUTHENTICATED).
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(codes.find((c) => c !== 'OK'));
      const active = await sql(`select count(*)::int as n from users where organization_id = ? and role = 'SUPER_ADMIN' and active`, [other.organizationId]);
      expect(active).toEqual([{ n: 1 }]);
    });

    it('an inactive Super Admin does not count', async () => {
      const other = await createOrg(t);
      const token = await login(t, other.slug, other.adminEmail, other.adminPassword);
      const second = await t.gql<{ createUser: { id: string } }>(
        CREATE_USER,
        { input: { email: `idle@${other.slug}.test`, name: 'Idle', role: 'SUPER_ADMIN', password: 'second password long' } },
        { token },
      );
      expect((await t.gql(DEACTIVATE, { id: second.data!.createUser.id }, { token })).errors).toBeUndefined();
      const demote = await t.gql(UPDATE_USER, { id: other.adminUserId, input: { role: 'TEAM_MEMBER' } }, { token });
      expect(demote.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });
  });
});
