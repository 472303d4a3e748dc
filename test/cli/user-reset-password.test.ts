import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { killLeftovers, query, runCli } from '../helpers/service-process';
import { createOrg, login, startTestApp, TEST_SECRET_KEY, type SeededOrg, type TestApp } from '../helpers/test-app';

/** The operator's way back in, since the demo password is printed only once. */
describe('the user:reset-password CLI', () => {
  let t: TestApp;
  let databaseUrl: string;
  let org: SeededOrg;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    t = await startTestApp({ databaseUrl });
    org = await createOrg(t);
  });
  afterAll(async () => {
    killLeftovers();
    await t?.close();
  });
  const env = () => ({ DATABASE_URL: databaseUrl, JOBGATE_SECRET_KEY: TEST_SECRET_KEY });
  const me = async (token: string) => (await t.gql<{ me: { email: string } }>('{ me { email } }', {}, { token })).errors?.[0]?.extensions?.code ?? 'OK';

  it('generates and prints a password once, ends the user\'s sessions, and audits it', { timeout: 120_000 }, async () => {
    const before = await login(t, org.slug, org.adminEmail, org.adminPassword);
    expect(await me(before)).toBe('OK');

    const res = await runCli(['user:reset-password', '--org', org.slug, '--email', org.adminEmail.toUpperCase()], env());
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]) as { organizationSlug: string; userId: string; sessionsRevoked: number; password: string };
    expect(out).toMatchObject({ organizationSlug: org.slug, userId: org.adminUserId, sessionsRevoked: 1 });
    expect(out.password).toMatch(/^[\w-]{22}$/);

    expect(await me(before)).toBe('UNAUTHENTICATED');
    await expect(login(t, org.slug, org.adminEmail, org.adminPassword)).rejects.toThrow(/login failed/);
    expect(await me(await login(t, org.slug, org.adminEmail, out.password))).toBe('OK');
    const audit = await query<{ actor_type: string; target_id: string; changes: unknown }>(
      databaseUrl,
      `select actor_type, target_id, changes from audit_events where action = 'user.password_reset'`,
    );
    expect(audit).toEqual([{ actor_type: 'SYSTEM', target_id: org.adminUserId, changes: { via: 'cli', sessionsRevoked: 1 } }]);
    // The password itself is nowhere in the database but as a hash.
    expect(JSON.stringify(await query(databaseUrl, 'select * from users'))).not.toContain(out.password);
  });

  it('takes a chosen password, and refuses bad input with a clear message', { timeout: 120_000 }, async () => {
    const ok = await runCli(['user:reset-password', '--org', org.slug, '--email', org.adminEmail, '--password', 'a chosen long password'], env());
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout) as object).not.toHaveProperty('password');
    expect(await me(await login(t, org.slug, org.adminEmail, 'a chosen long password'))).toBe('OK');

    const failures = await Promise.all([
      runCli(['user:reset-password', '--org', org.slug, '--email', org.adminEmail, '--password', 'short'], env()),
      runCli(['user:reset-password', '--org', 'no-such-org', '--email', org.adminEmail], env()),
      runCli(['user:reset-password', '--org', org.slug, '--email', 'nobody@nowhere.test'], env()),
      runCli(['user:reset-password', '--org', org.slug], env()),
    ]);
    const expected = [/--password.*at least 12/, /--org.*no organization/, /--email.*no user/, /--email.*required/];
    failures.forEach((res, i) => {
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(expected[i]);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    });
    expect(await me(await login(t, org.slug, org.adminEmail, 'a chosen long password'))).toBe('OK');
  });
});
