import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/auth/secret-format';
import { codeOf, createOrg, LOGIN, login, startTestApp, userWithRole, type SeededOrg, type TestApp } from '../helpers/test-app';

const ME = '{ me { id email } }';
const PUBLIC_URL = 'http://console.jobgate.test:8080';
const OWN_ORIGIN = PUBLIC_URL;
const CSRF = { 'x-jobgate-csrf': '1' };

interface LoginResult {
  token: string;
  setCookie: string | undefined;
}

/** The console's sign-in: the login mutation with the CSRF header, as the browser sends it. */
async function consoleLogin(t: TestApp, org: { slug: string; email: string; password: string }, headers: Record<string, string> = CSRF): Promise<LoginResult> {
  const res = await t.gql<{ login: { token: string } }>(LOGIN, { slug: org.slug, email: org.email, password: org.password }, { headers });
  expect(res.errors).toBeUndefined();
  const raw = res.headers['set-cookie'];
  return { token: res.data!.login.token, setCookie: Array.isArray(raw) ? raw.join('\n') : (raw as string | undefined) };
}

const withCookie = (token: string, headers: Record<string, string> = {}) => ({ headers: { cookie: `jobgate_session=${token}`, ...headers } });

describe('console session cookie', () => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: { slug: string; email: string; password: string };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_PUBLIC_URL: PUBLIC_URL } });
    org = await createOrg(t);
    admin = { slug: org.slug, email: org.adminEmail, password: org.adminPassword };
  });
  afterAll(async () => t?.close());

  it('login from the console sets an HttpOnly, SameSite=Strict, Path=/ cookie (not Secure on plain http) and still returns the token', async () => {
    const { token, setCookie } = await consoleLogin(t, admin);
    expect(token).toMatch(/^jgs_/);
    expect(setCookie).toBeDefined();
    const attributes = setCookie!.split(';').map((part) => part.trim());
    expect(attributes[0]).toBe(`jobgate_session=${token}`);
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Strict');
    expect(attributes).toContain('Path=/');
    expect(attributes).not.toContain('Secure');
    // A browser-session cookie: the server's idle and absolute expiries bound the session.
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
  });

  it('login from an API client (no CSRF header) returns the token and sets no cookie', async () => {
    const { token, setCookie } = await consoleLogin(t, admin, {});
    expect(token).toMatch(/^jgs_/);
    expect(setCookie).toBeUndefined();
  });

  it('a cookie with the CSRF header and our Origin (or no Origin) authenticates', async () => {
    const { token } = await consoleLogin(t, admin);
    const sameOrigin = await t.gql<{ me: { email: string } }>(ME, {}, withCookie(token, { ...CSRF, origin: OWN_ORIGIN }));
    expect(sameOrigin.errors).toBeUndefined();
    expect(sameOrigin.data?.me.email).toBe(org.adminEmail);
    // The origin the request was addressed to counts too (the console opened by the listening address); a Host
    // that spells out the default port names the origin a browser writes, without it (RFC 6454).
    const byHost = await t.gql<{ me: { email: string } }>(ME, {}, withCookie(token, { ...CSRF, origin: 'http://localhost', host: 'localhost:80' }));
    expect(byHost.data?.me.email).toBe(org.adminEmail);
    const noOrigin = await t.gql<{ me: { email: string } }>(ME, {}, withCookie(token, CSRF));
    expect(noOrigin.data?.me.email).toBe(org.adminEmail);
  });

  it('a cookie without the CSRF header is refused with 403 naming the header', async () => {
    const { token } = await consoleLogin(t, admin);
    const res = await t.gql(ME, {}, withCookie(token, { origin: OWN_ORIGIN }));
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/x-jobgate-csrf/);
    expect(res.data).toBeNull();
  });

  it('a cookie from a foreign Origin is refused, a same-site sibling included', async () => {
    const { token } = await consoleLogin(t, admin);
    for (const origin of ['https://evil.example', 'http://other.jobgate.test:8080', 'http://console.jobgate.test:9999', 'null']) {
      const res = await t.gql(ME, {}, withCookie(token, { ...CSRF, origin }));
      expect(res.status, origin).toBe(403);
      expect(codeOf(res), origin).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/own origin/);
    }
    // A mutation is refused before it runs: nothing is written.
    const before = await t.orm.em.getConnection().execute('select count(*)::int as n from users');
    const res = await t.gql(
      'mutation($i: CreateUserInput!){ createUser(input: $i) { id } }',
      { i: { email: 'csrf-victim@x.test', name: 'Nope', role: 'ADMIN', password: 'long enough password 1' } },
      withCookie(token, { ...CSRF, origin: 'https://evil.example' }),
    );
    expect(res.status).toBe(403);
    expect(await t.orm.em.getConnection().execute('select count(*)::int as n from users')).toEqual(before);
  });

  it('bearer tokens work as before, and the Authorization header wins over a cookie', async () => {
    const adminBearer = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const member = await userWithRole(t, org, adminBearer, 'TEAM_MEMBER');
    const bearer = member.token;
    expect((await t.gql<{ me: { id: string } }>(ME, {}, { token: bearer })).data?.me.id).toBe(member.id);
    const { token: cookieToken } = await consoleLogin(t, admin);
    // Both: the header decides, and the cookie is not even checked for CSRF (a bearer token is not ambient).
    const both = await t.gql<{ me: { id: string } }>(ME, {}, { token: bearer, headers: { cookie: `jobgate_session=${cookieToken}`, origin: 'https://evil.example' } });
    expect(both.errors).toBeUndefined();
    expect(both.data?.me.id).toBe(member.id);
  });

  it('a data key in the cookie does not authenticate: the cookie carries sessions only', async () => {
    const { token } = await consoleLogin(t, admin);
    const created = await t.gql<{ createApiCredential: { secret: string } }>(
      'mutation { createApiCredential(input: { name: "cookie-key", fullAccess: true }) { secret } }',
      {},
      { token },
    );
    const secret = created.data!.createApiCredential.secret;
    const res = await t.gql(ME, {}, withCookie(secret, CSRF));
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('logout clears the cookie and ends the session; the stale cookie then authenticates nothing but sign-in still works', async () => {
    const { token } = await consoleLogin(t, admin);
    const out = await t.gql<{ logout: boolean }>('mutation { logout }', {}, withCookie(token, { ...CSRF, origin: OWN_ORIGIN }));
    expect(out.data?.logout).toBe(true);
    const cleared = String(out.headers['set-cookie']);
    expect(cleared).toMatch(/^jobgate_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared).toMatch(/HttpOnly/);
    expect(cleared).toMatch(/Path=\//);
    const rows = await t.orm.em.getConnection().execute('select count(*)::int as n from sessions where token_hash = ?', [hashSecret(token)]);
    expect(rows[0]!.n).toBe(0);

    // Another tab still sends the old cookie: UNAUTHENTICATED, which the console answers with sign-in.
    const after = await t.gql(ME, {}, withCookie(token, { ...CSRF, origin: OWN_ORIGIN }));
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    const again = await consoleLogin(t, admin, { ...CSRF, cookie: `jobgate_session=${token}`, origin: OWN_ORIGIN });
    expect(again.setCookie).toMatch(/^jobgate_session=jgs_/);
  });

  it('an expired session behind a cookie is UNAUTHENTICATED', async () => {
    const { token } = await consoleLogin(t, admin);
    const rows = await t.orm.em.getConnection().execute('select count(*)::int as n from sessions');
    expect(rows[0]!.n).toBeGreaterThan(0);
    await t.orm.em.getConnection().execute("update sessions set expires_at = now() - interval '1 minute' where user_id = ?", [org.adminUserId]);
    const res = await t.gql(ME, {}, withCookie(token, CSRF));
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('never writes the cookie or the token to the logs', async () => {
    const { token } = await consoleLogin(t, { ...admin });
    await t.gql(ME, {}, withCookie(token, CSRF));
    await t.gql(ME, {}, withCookie(token));
    expect(t.rawLogs.join('\n')).not.toContain(token);
  });
});

describe('console session cookie behind https', () => {
  let t: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_PUBLIC_URL: 'https://jobs.example.com' } });
    org = await createOrg(t);
  });
  afterAll(async () => t?.close());

  it('the cookie is Secure when the public URL is https, and the public origin is accepted', async () => {
    const { token, setCookie } = await consoleLogin(t, { slug: org.slug, email: org.adminEmail, password: org.adminPassword });
    expect(setCookie!.split(';').map((p) => p.trim())).toContain('Secure');
    const res = await t.gql<{ me: { email: string } }>(ME, {}, withCookie(token, { ...CSRF, origin: 'https://jobs.example.com' }));
    expect(res.data?.me.email).toBe(org.adminEmail);
    const plain = await t.gql(ME, {}, withCookie(token, { ...CSRF, origin: 'http://jobs.example.com' }));
    expect(codeOf(plain)).toBe('FORBIDDEN');
  });
});
