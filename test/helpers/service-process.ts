import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { freePort } from '../../src/db/embedded-postgres';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const VITE_NODE = path.join(ROOT, 'node_modules/.bin/vite-node');

/** The environment of the test runner minus anything that would change what the service does. */
export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('JOBGATE_') || key.startsWith('npm_') || key === 'DATABASE_URL' || key === 'TEST_DATABASE_URL' || key === 'PORT' || key === 'NODE_ENV') delete env[key];
  }
  return { LOG_LEVEL: 'warn', ...env, ...extra };
}

export interface ServiceProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  base: string;
  port: number;
}

/** Every process a test file started, so its afterAll can kill what a failed test left behind. */
export const startedProcesses: ChildProcess[] = [];

export function killLeftovers(): void {
  for (const child of startedProcesses) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Spawns `command` and resolves once the start-up banner (on stderr) is complete. */
export async function spawnService(command: string, args: string[], env: Record<string, string>, port?: number): Promise<ServiceProcess> {
  const listen = port ?? (await freePort());
  const child = spawn(command, args, { cwd: ROOT, env: baseEnv({ ...env, PORT: String(listen), HOST: '127.0.0.1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  startedProcesses.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      // The banner is written in one call; wait for its trailing blank line.
      if (/Jobgate is running[\s\S]*\n\n/.test(err)) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`service exited with ${code} before its banner\nstdout:\n${out}\nstderr:\n${err}`));
    });
  });
  return { child, stdout: () => out, stderr: () => err, exited, base: `http://127.0.0.1:${listen}`, port: listen };
}

/** `vite-node src/main.ts`: the service from source. */
export function startService(env: Record<string, string>): Promise<ServiceProcess> {
  return spawnService(VITE_NODE, ['src/main.ts'], env);
}

export async function stopService(service: ServiceProcess): Promise<number | null> {
  service.child.kill('SIGTERM');
  return service.exited;
}

export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(VITE_NODE, ['scripts/cli.ts', '--', ...args], { cwd: ROOT, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    startedProcesses.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function gql<T>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string, path = '/graphql') {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export function demoLogin(banner: string): { slug: string; email: string; password: string } | null {
  const slug = /organizationSlug:\s+(\S+)/.exec(banner)?.[1];
  const email = /email:\s+(\S+)/.exec(banner)?.[1];
  const password = /password:\s+(\S+)/.exec(banner)?.[1];
  return slug && email && password ? { slug, email, password } : null;
}

/** Whether a process id is alive (EPERM: alive, owned by another user such as postgres). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The direct children of a process (Linux `ps`). */
export function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** Every stdout line must be a JSON log line; returns them parsed. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`stdout carries a line that is not JSON: ${line}`);
      }
    });
}
