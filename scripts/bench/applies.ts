/**
 * Applies per second, with the server and the load generator in separate processes
 * (scripts/bench/applies/server.ts and load.ts), so the generator's CPU is not
 * counted against the server's event loop. `concurrency` clients loop over
 * POST /uploads (a 200 KB PDF résumé) then applyToPosting with that upload, for a
 * fixed duration, after 20 unmeasured warm-up pairs. The apply and upload rate limits
 * are raised for the run (still consulted on every request). Afterwards the stored
 * applications are counted and compared with the acknowledged ones (warm-up included),
 * and the server reports the statements it sent through knex during the measured run.
 *
 *   npx vite-node scripts/bench/applies.ts -- [--seconds 10] [--concurrency 20] [--store fs|postgres] [--cpu-prof]
 *
 * The store is the file system's by default, as on one machine (`npm start`): fsync
 * before the acknowledgement makes it durable. `--store postgres` measures the legacy
 * bytea store, which DATABASE_URL deployments still default to until `files:migrate`.
 *
 * With --cpu-prof the server profiles the measured run (node:inspector's Profiler, the
 * same data as node --cpu-prof without start-up) to .data/bench-profiles/ and the run
 * prints the packages and functions with the most self time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { choiceFlag, hasFlag, intFlag } from './lib/args';
import { machineLine, table } from './lib/report';
import { runBench, type BenchRun } from './lib/runner';
import type { LoadRun, Target } from './applies/load';
import { summarizeProfile } from './applies/profile-summary';
import { RESUME_BYTES } from './applies/resume';

const viteNode = path.resolve('node_modules/.bin/vite-node');
const PROFILE_DIR = path.resolve('.data/bench-profiles');

function child(script: string, env: Record<string, string>): ChildProcess {
  return spawn(viteNode, [path.join('scripts/bench/applies', script)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
}

function next<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message?.type !== type) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) while waiting for "${type}"`));
    proc.on('message', onMessage);
    proc.on('exit', onExit);
  });
}

const percentile = (list: number[], p: number): string => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(0) : 'n/a';
};

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. The profiles print after it. */
async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const seconds = intFlag(argv, 'seconds', 10);
  const concurrency = intFlag(argv, 'concurrency', 20);
  const preuploads = intFlag(argv, 'preuploads', 1000);
  const profile = hasFlag(argv, 'cpu-prof');
  const store = choiceFlag(argv, 'store', ['fs', 'postgres'] as const, 'fs');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobgate-bench-applies-'));
  const serverEnv: Record<string, string> = {
    BENCH_DB_URL: db.url,
    JOBGATE_FILE_STORE: store,
    // Every résumé is a new file: a throwaway directory, removed after the run.
    JOBGATE_DATA_DIR: dataDir,
    JOBGATE_APPLY_RATE_PER_SECOND: '1000000',
    JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY: '100000000',
    JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '100000000',
  };
  const profileFile = profile ? path.join(PROFILE_DIR, `applies-server-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`) : null;
  const applyProfileFile = profileFile?.replace('applies-server-', 'applies-alone-server-') ?? null;
  if (profileFile) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const server = child('server.ts', serverEnv);
  const load = child('load.ts', {});
  try {
    const [ready] = await Promise.all([
      next<Target & { organizationId: string }>(server, 'ready'),
      next(load, 'listening'),
    ]);
    const target: Target = { base: ready.base, postingsKey: ready.postingsKey, postingId: ready.postingId };
    const statements = async () => {
      const reply = next<{ count: number }>(server, 'statements');
      server.send('statements');
      return (await reply).count;
    };

    load.send({ type: 'warmup', target, count: 20 });
    const warmed = await next<{ acknowledged: number; failures: Record<string, number> }>(load, 'warmed');
    // Phase 2 first measured below is the candidate's whole path; then, to isolate the apply
    // (this repository's part) from the upload (bytes through the file store), applies
    // alone with résumés uploaded beforehand.
    const statementsBefore = await statements();
    if (profileFile) {
      server.send({ type: 'profile-start' });
      await next(server, 'profiling');
    }
    const measured = await watch.phase('upload + apply', () => {
      load.send({ type: 'run', target, seconds, concurrency });
      return next<LoadRun>(load, 'done');
    });
    if (profileFile) {
      server.send({ type: 'profile-stop', file: profileFile });
      await next(server, 'profiled');
    }
    const statementsDuring = (await statements()) - statementsBefore;

    load.send({ type: 'preupload', target, count: preuploads, concurrency });
    const { count: preuploaded } = await next<{ count: number }>(load, 'preuploaded');
    const applyStatementsBefore = await statements();
    if (applyProfileFile) {
      server.send({ type: 'profile-start' });
      await next(server, 'profiling');
    }
    const appliesOnly = await watch.phase('apply alone', () => {
      load.send({ type: 'run-applies', target, seconds, concurrency });
      return next<LoadRun>(load, 'done');
    });
    if (applyProfileFile) {
      server.send({ type: 'profile-stop', file: applyProfileFile });
      await next(server, 'profiled');
    }
    const applyStatements = (await statements()) - applyStatementsBefore;

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('select count(*) as n from applications where organization_id = $1', [ready.organizationId]);
    await client.end();
    const stored = Number(rows[0]!.n);
    const acknowledged = warmed.acknowledged + measured.acknowledged + appliesOnly.acknowledged;
    const attempts = measured.acknowledged + Object.values(measured.failures).reduce((a, b) => a + b, 0);
    const perSecond = measured.acknowledged / measured.elapsedSeconds;
    const failures = { ...warmed.failures };
    for (const [k, v] of [...Object.entries(measured.failures), ...Object.entries(appliesOnly.failures)]) failures[k] = (failures[k] ?? 0) + v;
    const applyAttempts = appliesOnly.acknowledged + Object.values(appliesOnly.failures).reduce((a, b) => a + b, 0);
    const appliesPerSecond = appliesOnly.acknowledged / appliesOnly.elapsedSeconds;

    const markdown = [
      '## Applies',
      '',
      `The server and the load generator run in separate processes (\`scripts/bench/applies/server.ts\`, \`load.ts\`), on the same 2 cores.`,
      store === 'fs'
        ? 'Files go to the file system store (`JOBGATE_FILE_STORE=fs`, one machine): written, fsynced, renamed and the directory fsynced before the upload is acknowledged.'
        : 'Files go to the legacy PostgreSQL store (`JOBGATE_FILE_STORE=postgres`, a bytea row committed before the upload is acknowledged).',
      `${concurrency} concurrent keep-alive clients loop for ${seconds} s over \`POST /uploads\` (multipart, purpose RESUME, a ${RESUME_BYTES / 1024} KB PDF)`,
      'then `applyToPosting` with that upload (a new candidate e-mail each time), over loopback, after 20 unmeasured warm-up pairs.',
      'The apply and upload rate limits are raised for the run (still checked per request). Latency is per upload + apply pair.',
      'Stored = rows in `applications` after the run; acknowledged = applies answered with an id (warm-up included).',
      'Statements = every statement the server sent through knex (ORM, raw, BEGIN/COMMIT) during the measured run, per pair.',
      `The second row isolates the apply: ${preuploaded} résumés uploaded beforehand (not timed), then \`applyToPosting\` alone`,
      `with the same ${concurrency} clients, until ${seconds} s pass or the résumés run out.`,
      `Run: \`npx vite-node scripts/bench/applies.ts -- --seconds ${seconds} --concurrency ${concurrency} --preuploads ${preuploads} --store ${store}\`${profile ? ' `--cpu-prof`' : ''}.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(
        ['path', 'applies/s', 'goal', 'p50 ms (upload / apply)', 'p99 ms', 'SQL statements per upload + apply', 'acknowledged', 'stored', 'stored = acknowledged', 'failures'],
        [
          [
            'upload + apply',
            perSecond.toFixed(1),
            `≥ 200/s: ${perSecond >= 200 ? 'met' : '**missed**'}`,
            `${percentile(measured.pairMs, 0.5)} (${percentile(measured.uploadMs, 0.5)} / ${percentile(measured.applyMs, 0.5)})`,
            percentile(measured.pairMs, 0.99),
            (statementsDuring / Math.max(1, attempts)).toFixed(1),
            acknowledged,
            stored,
            stored === acknowledged ? 'yes' : '**no**',
            Object.keys(failures).length ? Object.entries(failures).map(([k, v]) => `${k}: ${v}`).join(', ') : 'none',
          ],
          [
            'apply alone (résumé pre-uploaded)',
            appliesPerSecond.toFixed(1),
            `(apply's share) ${appliesPerSecond >= 200 ? '≥ 200/s' : '< 200/s'}`,
            `${percentile(appliesOnly.applyMs, 0.5)} (— / ${percentile(appliesOnly.applyMs, 0.5)})`,
            percentile(appliesOnly.applyMs, 0.99),
            `${(applyStatements / Math.max(1, applyAttempts)).toFixed(1)} (apply only)`,
            '(both rows)',
            '(both rows)',
            '',
            '',
          ],
        ],
      ),
    ].join('\n');
    return markdown;
  } finally {
    load.kill();
    const exited = new Promise((resolve) => server.once('exit', resolve));
    if (server.exitCode === null) server.send('stop');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    // After the servers stopped (the profiles are complete); absent when the run failed first.
    if (profileFile && fs.existsSync(profileFile)) process.stdout.write(`\nServer CPU profile, upload + apply, ${profileFile}:\n${summarizeProfile(profileFile)}\n`);
    if (applyProfileFile && fs.existsSync(applyProfileFile)) process.stdout.write(`\nServer CPU profile, apply alone, ${applyProfileFile}:\n${summarizeProfile(applyProfileFile)}\n`);
  }
}

void runBench({ section: 'applies', database: 'jobgate_bench_applies', body });
