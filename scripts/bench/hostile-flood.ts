/**
 * Cost of hostile documents before authentication (issue 9 §4): the /healthz latency
 * while 8 clients keep posting 1 MB `{ a a a … }` documents to POST /public/graphql,
 * against /healthz at rest. Run twice per flood: without a credential (refused before
 * the body is read) and with a valid postings key (parsed once, with the token limit).
 *
 *   npx vite-node scripts/bench/hostile-flood.ts [-- --seconds 10 --concurrency 8]
 */
import { intFlag } from './lib/args';
import { createBenchOrg, startBenchApp, type BenchApp } from './lib/bench-app';
import { runBench, type BenchRun } from './lib/runner';
import { machineLine, table } from './lib/report';

/** Just under the 1 MB body limit once wrapped in JSON. */
const HOSTILE_QUERY = `{ ${'a '.repeat(520_000)}}`;
const HEALTH_SAMPLES_AT_REST = 300;

interface Latency {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

function summarize(millis: number[]): Latency {
  const sorted = [...millis].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95) };
}

async function healthz(base: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}/healthz`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - started;
}

interface FloodResult {
  health: Latency;
  flood: Latency;
  statuses: string;
}

async function flood(app: BenchApp, seconds: number, concurrency: number, token: string | null): Promise<FloodResult> {
  const body = JSON.stringify({ query: HOSTILE_QUERY });
  const deadline = performance.now() + seconds * 1000;
  const floodTimes: number[] = [];
  const statuses = new Map<number, number>();
  const client = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const res = await fetch(`${app.base}/public/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      await res.arrayBuffer();
      floodTimes.push(performance.now() - started);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  const health: number[] = [];
  const prober = async () => {
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the flood build up
    while (performance.now() < deadline) {
      health.push(await healthz(app.base));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all([...Array.from({ length: concurrency }, client), prober()]);
  return {
    health: summarize(health),
    flood: summarize(floodTimes),
    statuses: [...statuses].map(([status, count]) => `${count}× ${status}`).join(', '),
  };
}

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const seconds = intFlag(argv, 'seconds', 10);
  const concurrency = intFlag(argv, 'concurrency', 8);
  const app = await startBenchApp(db.url);
  try {
    const org = await createBenchOrg(app, 0);
    for (let i = 0; i < 20; i++) await healthz(app.base); // warm up
    const rest: number[] = [];
    await watch.phase('at rest', async () => {
      for (let i = 0; i < HEALTH_SAMPLES_AT_REST; i++) rest.push(await healthz(app.base));
    });
    const atRest = summarize(rest);
    const anonymous = await watch.phase('flood, no credential', () => flood(app, seconds, concurrency, null));
    const keyed = await watch.phase('flood, postings key', () => flood(app, seconds, concurrency, org.postingsKey));
    const fmt = (n: number) => n.toFixed(1);
    const rows = [
      ['at rest', '—', fmt(atRest.medianMs), fmt(atRest.p95Ms), atRest.samples, '—', '—'],
      ...([
        ['no credential', anonymous],
        ['valid postings key', keyed],
      ] as const).map(([label, r]) => [
        `${concurrency} × 1 MB \`{ a a a … }\` flood`,
        label,
        fmt(r.health.medianMs),
        fmt(r.health.p95Ms),
        r.health.samples,
        fmt(r.flood.medianMs),
        r.statuses,
      ]),
    ];
    const markdown = [
      '## Hostile documents before authentication',
      '',
      machineLine(db.serverVersion),
      '',
      `\`scripts/bench/hostile-flood.ts\`: /healthz latency (ms) while ${concurrency} clients post 1 MB \`{ a a a … }\` documents to POST /public/graphql for ${seconds} s each.`,
      '',
      table(['load', 'flood credential', '/healthz median', '/healthz p95', 'samples', 'flood request median', 'flood answers'], rows),
    ].join('\n');
    return markdown;
  } finally {
    await app.close();
  }
}


void runBench({ section: 'hostile-flood', database: 'jobgate_bench_hostile', body });
