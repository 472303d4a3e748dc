import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embedded-postgres';
import { createTestDatabase } from '../helpers/database';
import { TEST_SECRET_KEY } from '../helpers/test-app';

const ROOT = path.resolve(__dirname, '../..');
const VITE_NODE = path.join(ROOT, 'node_modules/.bin/vite-node');
const LOGIN = `mutation($slug: String!, $email: String!, $password: String!) {
  login(organizationSlug: $slug, email: $email, password: $password) { token }
}`;

/** The environment of the test runner minus anything that would change what the service does. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('JOBGATE_') || key === 'DATABASE_URL' || key === 'TEST_DATABASE_URL' || key === 'PORT' || key === 'NODE_ENV') delete env[key];
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

interface Service {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  base: string;
}

const started: ChildProcess[] = [];

async function startService(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const child = spawn(VITE_NODE, ['src/main.ts'], { cwd: ROOT, env: baseEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      // The banner is written in one call; wait for its trailing blank line.
      if (/Jobgate is running[\s\S]*\n\n/.test(out)) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`service exited with ${code} before its banner\nstdout:\n${out}\nstderr:\n${err}`));
    });
  });
  return { child, stdout: () => out, stderr: () => err, exited, base: `http://127.0.0.1:${port}` };
}

async function stop(service: Service): Promise<number | null> {
  service.child.kill('SIGTERM');
  return service.exited;
}

async function gql<T>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

function demoLogin(banner: string): { slug: string; email: string; password: string } | null {
  const slug = /organizationSlug:\s+(\S+)/.exec(banner)?.[1];
  const email = /email:\s+(\S+)/.exec(banner)?.[1];
  const password = /password:\s+(\S+)/.exec(banner)?.[1];
  return slug && email && password ? { slug, email, password } : null;
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(VITE_NODE, ['scripts/cli.ts', '--', ...args], { cwd: ROOT, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('the service process', () => {
  it('starts on embedded PostgreSQL, prints a demo login once, and shuts down cleanly', { timeout: 240_000 }, async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-process-'));
    await fs.chmod(dataDir, 0o755);
    try {
      const first = await startService({ JOBGATE_DATA_DIR: dataDir });
      const banner = first.stdout();
      expect(banner).toContain(`POST ${first.base}/graphql`);
      expect(banner).toContain(`POST ${first.base}/public/graphql`);
      expect(banner).toMatch(/feeds\/<slug>\.xml/);
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
      // The password is shown once, on stdout, and never logged.
      expect(first.stderr()).not.toContain(demo!.password);

      expect(await stop(first)).toBe(0);

      const second = await startService({ JOBGATE_DATA_DIR: dataDir });
      expect(second.stdout()).not.toMatch(/Demo organization created|password:/);
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
    expect(first.stdout()).not.toMatch(/Demo organization created/);
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
