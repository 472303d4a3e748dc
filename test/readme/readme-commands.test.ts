import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPids, demoLogin, isAlive, killLeftovers, ROOT, spawnService, type ServiceProcess } from '../helpers/service-process';

/**
 * The README's commands run verbatim against a fresh `npm start`: the `sh` blocks of
 * "Quick start" (except the one that installs and starts, which this test does) and
 * of "Public API: a career-site walkthrough", in order, in one bash. Substituted: the
 * port (4000 → a free one) and the line where the reader pastes the demo password.
 * The same `npm start` then gets SIGTERM, which must stop node and PostgreSQL too.
 */
const PASSWORD_LINE = /^JOBGATE_PASSWORD='paste-the-generated-password-here'$/m;

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const level = heading.split(' ')[0];
  const rest = markdown.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{2,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

function shBlocks(text: string): string[] {
  return [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

function readmeScript(markdown: string, port: number, password: string): string {
  const blocks = [...shBlocks(section(markdown, '## Quick start')), ...shBlocks(section(markdown, '### Public API: a career-site walkthrough'))];
  const runnable = blocks.filter((b) => !/^npm start/m.test(b));
  const script = runnable.join('\n');
  if (!PASSWORD_LINE.test(script)) throw new Error('README no longer asks the reader to paste the password');
  return ['set -euo pipefail', script.replace(PASSWORD_LINE, `JOBGATE_PASSWORD='${password}'`).replaceAll('localhost:4000', `localhost:${port}`)].join('\n');
}

function runBash(script: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function descendants(pid: number): number[] {
  const kids = childPids(pid);
  return [...kids, ...kids.flatMap(descendants)];
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('README commands on a fresh npm start', () => {
  let dataDir: string;
  let workDir: string;
  let service: ServiceProcess;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-readme-'));
    await fs.chmod(dataDir, 0o755);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-readme-cwd-'));
    service = await spawnService('npm', ['start'], { JOBGATE_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  }, 300_000);
  afterAll(async () => {
    killLeftovers();
    await fs.rm(workDir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  });

  it('runs every quick start and walkthrough command as written', { timeout: 120_000 }, async () => {
    const demo = demoLogin(service.stderr());
    expect(demo).not.toBeNull();
    const markdown = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
    const run = await runBash(readmeScript(markdown, service.port, demo!.password), workDir);
    expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(0);
    expect(run.stdout).not.toContain('"errors"');
    expect(run.stdout).toContain('"me":{"email":"admin@acme.example","role":"SUPER_ADMIN"}');
    expect(run.stdout).toMatch(/"title":"Senior Platform Engineer"/); // "postgres" found "PostgreSQL"
    expect(run.stdout).toMatch(/"filename":"ada-lovelace.txt","contentType":"text\/plain; charset=utf-8"/);
    expect(run.stdout).toMatch(/"applyToPosting":\{"applicationId":"[0-9a-f-]{36}"\}/);
  });

  it('SIGTERM to the npm start process stops node and the embedded PostgreSQL, with exit code 0', { timeout: 60_000 }, async () => {
    const npmPid = service.child.pid!;
    const tree = descendants(npmPid);
    const postmaster = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(tree).toContain(postmaster);
    expect(tree.length).toBeGreaterThanOrEqual(2); // node and postgres (and postgres's workers)

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    // Before: npm's SIGTERM reached only `sh -c`, which died and left node and PostgreSQL running.
    expect(await waitFor(() => tree.every((pid) => !isAlive(pid)), 15_000), `still running: ${tree.filter(isAlive).join(', ')}`).toBe(true);
    await expect(fs.stat(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
