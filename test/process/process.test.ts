import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, createTestDatabase } from '../helpers/database';
import { demoLogin, gql, jsonLines, killLeftovers, query, runCli, startService, stopService as stop } from '../helpers/service-process';
import { TEST_SECRET_KEY } from '../helpers/test-app';

const LOGIN = `mutation($slug: String!, $email: String!, $password: String!) {
  login(organizationSlug: $slug, email: $email, password: $password) { token }
}`;

afterAll(killLeftovers);

describe('the service process', () => {
  it('starts on embedded PostgreSQL, prints a demo login once, and shuts down cleanly', { timeout: 240_000 }, async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-process-'));
    await fs.chmod(dataDir, 0o755);
    try {
      const first = await startService({ JOBGATE_DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
      const banner = first.stderr();
      expect(banner).toContain(`POST ${first.base}/graphql`);
      expect(banner).toContain(`POST ${first.base}/public/graphql`);
      expect(banner).toMatch(/feeds\/<slug>\.xml/);
      expect(banner).toContain(`GET  ${first.base}/admin`);
      const demo = demoLogin(banner);
      expect(demo).not.toBeNull();
      expect(demo!.slug).toBe('acme');

      expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
      expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
      const login = await gql<{ login: { token: string } }>(first.base, LOGIN, { slug: demo!.slug, email: demo!.email, password: demo!.password });
      expect(login.errors).toBeUndefined();
      const token = login.data!.login.token;
      const me = await gql<{ me: { email: string; role: string } }>(first.base, '{ me { email role } }', {}, token);
      expect(me.data?.me).toEqual({ email: demo!.email, role: 'SUPER_ADMIN' });
      // The demo organization has all 23 public postings: the Lever fixture ships inside the repository.
      const key = await gql<{ revealPostingsApiKey: string }>(first.base, 'mutation { revealPostingsApiKey }', {}, token);
      const pub = await gql<{ postings: { totalCount: number } }>(first.base, '{ postings { totalCount } }', {}, key.data!.revealPostingsApiKey, '/public/graphql');
      expect(pub.data?.postings.totalCount).toBe(23);

      // The CLI cannot open the data directory the server holds, and says so (it printed `error: undefined`).
      const seedWhileRunning = await runCli(['seed', '--org', 'acme', '--postings', '1'], { JOBGATE_DATA_DIR: dataDir });
      expect(seedWhileRunning.code).toBe(1);
      expect(seedWhileRunning.stderr).toMatch(/^error: the embedded database in .* is in use by another process .*stop that server first/m);
      expect(seedWhileRunning.stderr).not.toContain('undefined');
      expect(seedWhileRunning.stdout).toBe('');

      // stdout carries JSON log lines only (debug level: every log line there is), and none holds the password,
      // which is shown once, on stderr, in the banner.
      const logs = jsonLines(first.stdout());
      expect(logs.length).toBeGreaterThan(3);
      expect(logs.some((l) => l.msg === 'ready; demo organization created (login on stderr)')).toBe(true);
      expect(first.stdout()).not.toContain(demo!.password);
      expect(first.stdout()).not.toContain('Jobgate is running');

      expect(await stop(first)).toBe(0);
      jsonLines(first.stdout()); // the shutdown lines too

      const second = await startService({ JOBGATE_DATA_DIR: dataDir });
      expect(second.stderr()).not.toMatch(/Demo organization created|password:/);
      // The old session survived the restart, and the old password still signs in.
      const again = await gql<{ me: { email: string } }>(second.base, '{ me { email } }', {}, token);
      expect(again.data?.me.email).toBe(demo!.email);
      const relogin = await gql<{ login: { token: string } }>(second.base, LOGIN, { slug: demo!.slug, email: demo!.email, password: demo!.password });
      expect(relogin.data?.login.token).toMatch(/^jgs_/);
      expect(await stop(second)).toBe(0);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('creates the bootstrap organization from the environment once', { timeout: 120_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const env = {
      DATABASE_URL: databaseUrl,
      JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
      JOBGATE_BOOTSTRAP_ORG_SLUG: 'boot-org',
      JOBGATE_BOOTSTRAP_ORG_NAME: 'Boot Org',
      JOBGATE_BOOTSTRAP_PLAN: 'BASIC',
      JOBGATE_BOOTSTRAP_ADMIN_EMAIL: 'Boss@Boot.test',
      JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap password 1',
    };
    const first = await startService(env);
    expect(first.stderr()).not.toMatch(/Demo organization created/);
    const login = await gql<{ login: { token: string } }>(first.base, LOGIN, { slug: 'boot-org', email: 'boss@boot.test', password: 'bootstrap password 1' });
    expect(login.errors).toBeUndefined();
    const org = await gql<{ organization: { slug: string; name: string; plan: string } }>(first.base, '{ organization { slug name plan } }', {}, login.data!.login.token);
    expect(org.data?.organization).toEqual({ slug: 'boot-org', name: 'Boot Org', plan: 'BASIC' });
    expect(await stop(first)).toBe(0);

    // A restart, even with different bootstrap values, changes nothing.
    const second = await startService({ ...env, JOBGATE_BOOTSTRAP_ORG_SLUG: 'other-org', JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'a different password 2' });
    expect(await stop(second)).toBe(0);
    expect(await query(databaseUrl, 'select slug, plan from organizations')).toEqual([{ slug: 'boot-org', plan: 'BASIC' }]);
    expect(await query(databaseUrl, 'select email, role from users')).toEqual([{ email: 'boss@boot.test', role: 'SUPER_ADMIN' }]);
  });
});

describe('start-up', () => {
  it('two instances started together on an empty database with the same bootstrap settings both come up', { timeout: 120_000 }, async () => {
    // Migrated but without organizations, so both instances reach the seeding at the same moment.
    const databaseUrl = await createTestDatabase();
    const env = {
      DATABASE_URL: databaseUrl,
      JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
      JOBGATE_BOOTSTRAP_ORG_SLUG: 'twin-org',
      JOBGATE_BOOTSTRAP_ADMIN_EMAIL: 'twin@org.test',
      JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'twin password long',
    };
    const [a, b] = await Promise.all([startService(env), startService(env)]);
    for (const s of [a, b]) expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
    const login = await gql<{ login: { token: string } }>(b.base, LOGIN, { slug: 'twin-org', email: 'twin@org.test', password: 'twin password long' });
    expect(login.errors).toBeUndefined();
    expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
    expect(await query(databaseUrl, 'select slug from organizations')).toEqual([{ slug: 'twin-org' }]);
    expect(await query(databaseUrl, 'select email from users')).toEqual([{ email: 'twin@org.test' }]);
  });

  // Three service starts from source (vite-node): about 24 s each on a loaded 2-core machine.
  it('checks the configuration before it applies any migration', { timeout: 180_000 }, async () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{}, /JOBGATE_SECRET_KEY is required/],
      [{ JOBGATE_SECRET_KEY: 'dG9vIHNob3J0' }, /JOBGATE_SECRET_KEY must be 32 bytes/],
      [
        { JOBGATE_SECRET_KEY: TEST_SECRET_KEY, JOBGATE_BOOTSTRAP_ORG_SLUG: 'Bad Slug', JOBGATE_BOOTSTRAP_ADMIN_EMAIL: 'x@y.test', JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'short' },
        /JOBGATE_BOOTSTRAP_ORG_SLUG must be .*JOBGATE_BOOTSTRAP_ADMIN_PASSWORD must be at least/,
      ],
    ];
    for (const [env, message] of bad) {
      const databaseUrl = await createEmptyDatabase();
      const run = await startService({ DATABASE_URL: databaseUrl, ...env }).then(
        () => new Error('started'),
        (err: Error) => err,
      );
      expect(run.message).toMatch(/exited with 1 before its banner/);
      expect(run.message).toMatch(/Configuration error: /);
      expect(run.message).toMatch(message);
      // Nothing was written: not even the migrations table.
      expect(await query(databaseUrl, `select to_regclass('public.mikro_orm_migrations') as t`)).toEqual([{ t: null }]);
    }
  });
});

describe('the org:create CLI', () => {
  it('prints exactly one JSON line and refuses bad input with a clear message', { timeout: 120_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const env = { DATABASE_URL: databaseUrl, JOBGATE_SECRET_KEY: TEST_SECRET_KEY };
    const args = (over: Record<string, string> = {}) =>
      Object.entries({ slug: 'cli-org', name: 'CLI Org', plan: 'FULL', 'admin-email': 'cli@org.test', 'admin-password': 'cli password long', ...over }).flatMap(([k, v]) => [
        `--${k}`,
        v,
      ]);

    const ok = await runCli(['org:create', ...args()], env);
    expect(ok.code, ok.stderr).toBe(0);
    const lines = ok.stdout.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0]) as Record<string, string>;
    expect(Object.keys(created).sort()).toEqual(['adminUserId', 'organizationId', 'slug']);
    expect(created.slug).toBe('cli-org');
    const rows = await query<{ id: string; admin: string }>(
      databaseUrl,
      `select o.id, u.id as admin from organizations o join users u on u.organization_id = o.id where o.slug = 'cli-org' and u.role = 'SUPER_ADMIN'`,
    );
    expect(rows).toEqual([{ id: created.organizationId, admin: created.adminUserId }]);

    const failures = await Promise.all([
      runCli(['org:create', ...args({ slug: 'Bad Slug!' })], env),
      runCli(['org:create', ...args()], env),
      runCli(['org:create', ...args({ slug: 'cli-org-2', 'admin-email': 'not-an-email' })], env),
      runCli(['org:create', ...args({ slug: 'cli-org-3', 'admin-password': 'short' })], env),
      runCli(['org:create', ...args({ slug: 'cli-org-4', plan: 'GOLD' })], env),
    ]);
    const expected = [/slug/, /slug.*(taken|exists)/i, /adminEmail|admin-email|email/, /adminPassword|admin-password|password.*12/, /plan/];
    failures.forEach((res, i) => {
      expect(res.code, res.stdout).not.toBe(0);
      expect(res.stdout.trim()).toBe('');
      expect(res.stderr).toMatch(/^error: /m);
      expect(res.stderr).toMatch(expected[i]);
      expect(res.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    });
    expect(await query(databaseUrl, 'select slug from organizations order by slug')).toEqual([{ slug: 'cli-org' }]);
  });

  it('an unknown command prints the usage and exits non-zero', { timeout: 60_000 }, async () => {
    const res = await runCli(['org:nope'], { DATABASE_URL: 'postgres://unused/none' });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('org:create');
  });
});
