import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, LOGIN, login, startTestApp, userWithRole, type SeededOrg, type TestApp } from '../helpers/test-app';

const INVALID = 'Invalid email or password';
const ME = '{ me { id email role } }';

describe('sessions', () => {
  let t: TestApp;
  let org: SeededOrg;
  let adminToken: string;

  const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    adminToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  it('logs in with a jgs_ token of 36 base62 characters and stores only its hash', async () => {
    const res = await t.gql<{ login: { token: string; expiresAt: string; user: { email: string; role: string } } }>(LOGIN, {
      slug: org.slug,
      email: org.adminEmail.toUpperCase(),
      password: org.adminPassword,
    });
    expect(res.errors).toBeUndefined();
    const { token, expiresAt, user } = res.data!.login;
    expect(token).toMatch(/^jgs_[0-9A-Za-z]{36}$/);
    expect(user).toMatchObject({ email: org.adminEmail, role: 'SUPER_ADMIN' });
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const rows = await sql('select token_hash from sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    const me = await t.gql<{ me: { email: string } }>(ME, {}, { token });
    expect(me.data?.me.email).toBe(org.adminEmail);
  });

  it('answers a wrong password, an unknown email and an unknown organization with one message', async () => {
    const attempts = [
      { slug: org.slug, email: org.adminEmail, password: 'wrong password entirely' },
      { slug: org.slug, email: 'nobody@nowhere.test', password: org.adminPassword },
      { slug: 'no-such-org', email: org.adminEmail, password: org.adminPassword },
    ];
    for (const vars of attempts) {
      const res = await t.gql(LOGIN, vars);
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.message).toBe(INVALID);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('without a token, protected operations are UNAUTHENTICATED', async () => {
    const res = await t.gql(ME);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql(ME, {}, { token: 'jgs_notarealtokenatall0000000000000000' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('throttles past 10 failures in 15 minutes for one (organization, email), with Retry-After', async () => {
    const member = await createOrg(t);
    for (let i = 0; i < 10; i += 1) {
      const res = await t.gql(LOGIN, { slug: member.slug, email: member.adminEmail, password: `wrong password ${i}` });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Even the right password is refused now.
    const limited = await t.gql(LOGIN, { slug: member.slug, email: member.adminEmail, password: member.adminPassword });
    expect(limited.data).toBeNull();
    expect(limited.status).toBe(429);
    const error = limited.errors?.[0];
    expect(error?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = error?.extensions?.retryAfterSeconds as number;
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(Number(limited.headers['retry-after'])).toBe(retryAfter);
    // Another account of the same organization is unaffected.
    expect(await login(t, org.slug, org.adminEmail, org.adminPassword)).toMatch(/^jgs_/);
  });

  it('a successful login clears the account failure count', async () => {
    const member = await createOrg(t);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 9; i += 1) {
        const res = await t.gql(LOGIN, { slug: member.slug, email: member.adminEmail, password: `wrong ${round}-${i}` });
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(await login(t, member.slug, member.adminEmail, member.adminPassword)).toMatch(/^jgs_/);
    }
  });

  it('throttles failures per client IP across accounts', async () => {
    const strict = await startTestApp({ databaseUrl: t.databaseUrl, env: { JOBGATE_LOGIN_MAX_FAILURES_PER_IP: '3' } });
    try {
      const remoteAddress = '203.0.113.7';
      for (let i = 0; i < 3; i += 1) {
        const res = await strict.gql(LOGIN, { slug: org.slug, email: `guess-${i}@${org.slug}.test`, password: 'guessing password' }, { remoteAddress });
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      const limited = await strict.gql(LOGIN, { slug: org.slug, email: org.adminEmail, password: org.adminPassword }, { remoteAddress });
      expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(limited.status).toBe(429);
      // Another client is not affected.
      const other = await strict.gql(LOGIN, { slug: org.slug, email: org.adminEmail, password: org.adminPassword }, { remoteAddress: '203.0.113.8' });
      expect(other.errors).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  it('logout ends the session: the token stops working, other sessions keep working', async () => {
    const token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const other = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const out = await t.gql<{ logout: boolean }>('mutation { logout }', {}, { token });
    expect(out.errors).toBeUndefined();
    expect(out.data?.logout).toBe(true);
    const after = await t.gql(ME, {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = await t.gql('mutation { logout }', {}, { token });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: other })).errors).toBeUndefined();
  });

  it('an idle-expired session is UNAUTHENTICATED', async () => {
    const token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    expect((await t.gql(ME, {}, { token })).errors).toBeUndefined();
    await sql(`update sessions set expires_at = now() - interval '1 minute' where id = (select id from sessions order by created_at desc limit 1)`);
    const res = await t.gql(ME, {}, { token });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a session past its absolute lifetime is UNAUTHENTICATED even when recently used', async () => {
    const token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    await sql(
      `update sessions set absolute_expires_at = now() - interval '1 minute', last_seen_at = now() - interval '1 hour'
        where id = (select id from sessions order by created_at desc limit 1)`,
    );
    const res = await t.gql(ME, {}, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Using it does not extend it past the absolute limit either.
    const again = await t.gql(ME, {}, { token });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("deactivating a user ends their sessions at once; they cannot log in until reactivated", async () => {
    const email = `leaver@${org.slug}.test`;
    const password = 'a long enough password';
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, name: 'Leaver', role: 'ADMIN', password } },
      { token: adminToken },
    );
    const id = created.data!.createUser.id;
    const token = await login(t, org.slug, email, password);
    expect((await t.gql(ME, {}, { token })).errors).toBeUndefined();

    const off = await t.gql<{ deactivateUser: { active: boolean } }>('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id }, { token: adminToken });
    expect(off.errors).toBeUndefined();
    expect(off.data?.deactivateUser.active).toBe(false);
    expect((await t.gql(ME, {}, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await sql('select count(*)::int as n from sessions where user_id = ?', [id])).toEqual([{ n: 0 }]);
    const denied = await t.gql(LOGIN, { slug: org.slug, email, password });
    expect(denied.errors?.[0]?.message).toBe(INVALID);

    const on = await t.gql<{ reactivateUser: { active: boolean } }>('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id }, { token: adminToken });
    expect(on.data?.reactivateUser.active).toBe(true);
    expect(await login(t, org.slug, email, password)).toMatch(/^jgs_/);
  });

  it('a team member can sign in, read me and log out', async () => {
    const member = await userWithRole(t, org, adminToken, 'TEAM_MEMBER');
    const me = await t.gql<{ me: { role: string } }>(ME, {}, { token: member.token });
    expect(me.data?.me.role).toBe('TEAM_MEMBER');
    expect((await t.gql('mutation { logout }', {}, { token: member.token })).data).toEqual({ logout: true });
  });
});
