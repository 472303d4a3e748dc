/**
 * `npm run bench [-- --quick | --smoke] [-- --noisy]`: every benchmark, one after
 * another, each in its own process (its own embedded PostgreSQL, heap and event loop,
 * so one bench's leftovers cannot slow the next). Each writes its own section of
 * docs/BENCHMARKS.md (through the load gate of lib/report.ts: a run whose load average
 * exceeded the core count is not written unless --noisy, which marks it) and prints
 * its table. Default sizes are the (well under 15 minutes on 2 cores); --quick
 * uses small sizes for a run of a few minutes; --smoke runs every benchmark at tiny
 * sizes for about a second of load each and writes nothing: CI runs it (.ci/run) so a
 * benchmark that throws fails the build instead of going unnoticed.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { hasFlag } from './lib/args';
import { NOT_WRITTEN_EXIT_CODE } from './lib/report';
import { startThrowawayServer } from './lib/bench-database';
import { BENCH_ROOT_PID_ENV } from './lib/cpu-accounting';

type Plan = [script: string, args: string[]][];

const SMOKE: Plan = [
  ['public-postings.ts', ['--postings', '200', '--seconds', '1']],
  ['credential-verification.ts', ['--hits', '2000', '--misses', '200', '--seconds', '1']],
  ['usage-overhead.ts', ['--seconds', '1', '--rounds', '1']],
  ['depth.ts', ['--postings', '500', '--samples', '3']],
  ['feed.ts', ['--postings', '200']],
  ['feed-not-modified.ts', ['--postings', '200', '--samples', '20']],
  ['applies.ts', ['--seconds', '1', '--concurrency', '4', '--preuploads', '20']],
  ['compat.ts', ['--postings', '200', '--seconds', '1']],
  ['career-pages.ts', ['--postings', '200', '--seconds', '1']],
  ['hostile-flood.ts', ['--seconds', '1', '--concurrency', '2']],
  ['peer-postgraphile.ts', ['--postings', '200', '--seconds', '1', '--rounds', '1']],
  ['feed-lag.ts', ['--postings', '200', '--pulls', '2', '--parallel', '2']],
  ['webhooks.ts', ['--messages', '200', '--rate', '50', '--rate-seconds', '1', '--seconds', '1', '--rounds', '1']],
  ['linkedin-feed.ts', ['--postings', '200', '--rounds', '1']],
  ['notice-overhead.ts', ['--seconds', '1', '--rounds', '1']],
];

const QUICK: Plan = [
  ['public-postings.ts', ['--postings', '2000,20000', '--seconds', '2']],
  ['credential-verification.ts', []],
  ['usage-overhead.ts', ['--seconds', '2', '--rounds', '2']],
  ['depth.ts', ['--postings', '100000', '--samples', '10']],
  ['feed.ts', ['--postings', '2000']],
  ['feed-not-modified.ts', ['--postings', '10000', '--samples', '50']],
  ['applies.ts', ['--seconds', '3']],
  ['compat.ts', ['--postings', '2000', '--seconds', '2']],
  ['career-pages.ts', ['--postings', '2000', '--seconds', '2']],
  ['hostile-flood.ts', ['--seconds', '3']],
  ['peer-postgraphile.ts', ['--postings', '2000', '--seconds', '2', '--rounds', '1']],
  ['feed-lag.ts', ['--postings', '2000', '--pulls', '4', '--parallel', '2']],
  ['webhooks.ts', ['--messages', '2000', '--rate', '250', '--rate-seconds', '4', '--seconds', '2', '--rounds', '1']],
  ['linkedin-feed.ts', ['--postings', '2000', '--rounds', '2']],
  ['notice-overhead.ts', ['--seconds', '2', '--rounds', '2']],
];

const FULL: Plan = [
  ['public-postings.ts', ['--postings', '10000,100000', '--seconds', '5']],
  ['credential-verification.ts', []],
  ['usage-overhead.ts', ['--seconds', '5', '--rounds', '3']],
  ['depth.ts', ['--postings', '1000000']],
  ['feed.ts', ['--postings', '10000,100000']],
  ['feed-not-modified.ts', ['--postings', '100000']],
  ['applies.ts', ['--seconds', '10']],
  ['compat.ts', ['--postings', '10000', '--seconds', '5']],
  ['career-pages.ts', ['--postings', '10000', '--seconds', '5']],
  ['hostile-flood.ts', ['--seconds', '10']],
  ['peer-postgraphile.ts', ['--postings', '10000', '--seconds', '5', '--rounds', '2']],
  ['feed-lag.ts', ['--postings', '10000', '--pulls', '8', '--parallel', '4']],
  ['webhooks.ts', ['--messages', '5000', '--rate', '250', '--rate-seconds', '10', '--seconds', '5', '--rounds', '4']],
  ['linkedin-feed.ts', ['--postings', '10000', '--rounds', '4']],
  ['notice-overhead.ts', ['--seconds', '5', '--rounds', '4']],
];

const smoke = hasFlag(process.argv, 'smoke');
const plan = smoke ? SMOKE : hasFlag(process.argv, 'quick') ? QUICK : FULL;
// A smoke run's figures mean nothing: it never writes. Otherwise --noisy goes to every bench.
const shared = smoke ? ['--no-write'] : hasFlag(process.argv, 'noisy') ? ['--noisy'] : [];

async function main(): Promise<number> {
  const viteNode = path.resolve('node_modules/.bin/vite-node');
  const started = performance.now();
  // Smoke: one PostgreSQL server for every benchmark (each still gets its own database), which
  // saves starting and stopping a server a dozen times; its figures are not kept anyway.
  const sharedServer = smoke && !process.env.BENCH_DATABASE_URL ? await startThrowawayServer() : undefined;
  // Each benchmark counts this process's whole tree as its own CPU (lib/cpu-accounting.ts), so
  // the shared smoke-run PostgreSQL started here is not mistaken for a neighbour.
  const env = { ...process.env, ...(sharedServer ? { BENCH_DATABASE_URL: sharedServer.url } : {}), [BENCH_ROOT_PID_ENV]: String(process.pid) };
  const failed: string[] = [];
  const notWritten: string[] = [];
  const runOne = async ([script, args]: Plan[number]) => {
    const at = performance.now();
    const command = `=== ${script} ${[...args, ...shared].join(' ')}\n`;
    const argv = [path.join('scripts/bench', script), '--', ...args, ...shared];
    // Smoke runs two at once, so each one's output is held and printed whole when it ends.
    const status = smoke ? await runBuffered(viteNode, argv, env, command) : (process.stderr.write(`\n${command}`), spawnSync(viteNode, argv, { stdio: 'inherit', env }).status);
    const outcome = status === 0 ? 'done' : status === NOT_WRITTEN_EXIT_CODE ? 'measured, NOT written (other work competed for the CPUs)' : 'FAILED';
    if (outcome === 'FAILED') failed.push(script);
    if (status === NOT_WRITTEN_EXIT_CODE) notWritten.push(script);
    process.stderr.write(`=== ${script}: ${outcome} in ${((performance.now() - at) / 1000).toFixed(0)} s\n`);
  };
  // A smoke run's figures are thrown away, so two benchmarks share the machine; measured runs never do.
  const queue = [...plan];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await runOne(next);
  };
  await Promise.all(Array.from({ length: smoke ? 2 : 1 }, lane));
  await sharedServer?.close();
  const where = smoke ? 'smoke run, nothing written' : 'results in docs/BENCHMARKS.md';
  process.stderr.write(
    `\nAll benchmarks in ${((performance.now() - started) / 60_000).toFixed(1)} min (${where}).` +
      (notWritten.length ? ` Not written (noisy; rerun quiet or with --noisy): ${notWritten.join(', ')}.` : '') +
      (failed.length ? ` Failed: ${failed.join(', ')}` : '') +
      '\n',
  );
  return failed.length ? 1 : 0;
}

/** Runs one benchmark with its output held back, then writes it in one piece; resolves to the exit status. */
function runBuffered(command: string, argv: string[], env: NodeJS.ProcessEnv, heading: string): Promise<number | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [Buffer.from(`\n${heading}`)];
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (err) => chunks.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (status) => {
      process.stderr.write(Buffer.concat(chunks));
      resolve(status);
    });
  });
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
