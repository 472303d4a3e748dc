import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, ROOT } from '../helpers/service-process';

/**
 * `npm start` / `npm run serve` / `npm run build` as package.json wires them, in a scratch
 * package whose compile step (build:compile) is a stand-in that logs each run: the real
 * compile takes a minute and would prove nothing more about when it runs.
 */
const FAKE_COMPILE = `
const fs = require('node:fs');
fs.appendFileSync('builds.log', process.pid + '\\n');
// Long enough that a second start arrives while this build still holds the lock.
const until = Date.now() + 1500; while (Date.now() < until) {}
fs.mkdirSync('dist/src', { recursive: true });
fs.mkdirSync('dist/admin', { recursive: true });
fs.writeFileSync('dist/src/main.js', "process.stdout.write('served from dist\\\\n')");
fs.writeFileSync('dist/admin/index.html', '<!doctype html>');
`;

function npm(cwd: string, script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd, env: baseEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function builds(dir: string): Promise<number> {
  const log = await fs.readFile(path.join(dir, 'builds.log'), 'utf8').catch(() => '');
  return log.split('\n').filter(Boolean).length;
}

describe('npm start builds only when the build is missing or stale', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-build-'));
    const real = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const scripts: Record<string, string> = { 'build:compile': 'node fake-compile.js' };
    for (const name of ['build', 'prestart', 'start', 'serve']) scripts[name] = real.scripts[name];
    await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts }));
    await fs.writeFile(path.join(dir, 'fake-compile.js'), FAKE_COMPILE);
    await fs.cp(path.join(ROOT, 'scripts/build'), path.join(dir, 'scripts/build'), { recursive: true });
    await fs.mkdir(path.join(dir, 'src'));
    await fs.writeFile(path.join(dir, 'src/main.ts'), 'export {};\n');
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('npm run serve refuses to start without a build, and builds nothing', { timeout: 60_000 }, async () => {
    const serve = await npm(dir, 'serve');
    expect(serve.code).not.toBe(0);
    expect(serve.stderr).toMatch(/error: no build in .*Run `npm run build` first/);
    expect(await builds(dir)).toBe(0);
  });

  it('two starts at once build once, and both serve', { timeout: 90_000 }, async () => {
    const [a, b] = await Promise.all([npm(dir, 'start'), npm(dir, 'start')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toContain('served from dist');
    expect(b.stdout).toContain('served from dist');
    expect(await builds(dir)).toBe(1);
    // One built; the other waited for it (or, on a slow machine, came after it) and found it fresh.
    expect([a, b].filter((r) => /building…/.test(r.stderr))).toHaveLength(1);
    expect([a, b].filter((r) => /build is up to date/.test(r.stderr))).toHaveLength(1);
  });

  it('a start with a fresh build does not rebuild; npm run serve never builds', { timeout: 60_000 }, async () => {
    const again = await npm(dir, 'start');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('build is up to date');
    const serve = await npm(dir, 'serve');
    expect(serve.code).toBe(0);
    expect(serve.stdout).toContain('served from dist');
    expect(await builds(dir)).toBe(1);
  });

  it('an edited source file makes the next start rebuild; npm run build always builds', { timeout: 60_000 }, async () => {
    await fs.writeFile(path.join(dir, 'src/main.ts'), 'export const edited = true;\n');
    const stale = await npm(dir, 'serve');
    expect(stale.stderr).toContain('dist/ was built from other sources');
    expect(await builds(dir)).toBe(1);
    expect((await npm(dir, 'start')).code).toBe(0);
    expect(await builds(dir)).toBe(2);
    expect((await npm(dir, 'build')).code).toBe(0);
    expect(await builds(dir)).toBe(3);
  });

  it('takes over a lock left by a build that died', { timeout: 60_000 }, async () => {
    await fs.mkdir(path.join(dir, 'dist/.build.lock'));
    // A pid that cannot be alive: above Linux's pid_max.
    await fs.writeFile(path.join(dir, 'dist/.build.lock/pid'), '4194305');
    const start = await npm(dir, 'start');
    expect(start.code).toBe(0);
    expect(start.stdout).toContain('served from dist');
  });
});
