/**
 * Event-loop lag while job boards pull the feed: the suspect for the 60–110 ms p99
 * lag seen in the soak. Pulls GET /feeds/:slug.xml (gzip, as boards send it) `--pulls`
 * times, `--parallel` at once, for N postings, while a monitorEventLoopDelay histogram
 * (1 ms resolution) and a /healthz prober (every 20 ms) run in the same process.
 *
 *   npx vite-node scripts/bench/feed-lag.ts -- --postings 10000 --pulls 8 --parallel 4
 */
import http from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { intFlag } from './lib/args';
import { createBenchOrg, startBenchApp } from './lib/bench-app';
import { runBench, type BenchRun } from './lib/runner';
import { machineLine, table } from './lib/report';

function pull(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`feed answered ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const postings = intFlag(argv, 'postings', 10_000);
  const pulls = intFlag(argv, 'pulls', 8);
  const parallel = intFlag(argv, 'parallel', 4);
  const app = await startBenchApp(db.url);
  try {
    const org = await createBenchOrg(app, postings);
    const url = `${app.base}/feeds/${org.slug}.xml`;
    await pull(url); // warm up

    const histogram = monitorEventLoopDelay({ resolution: 1 });
    const healthz: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const at = performance.now();
        await new Promise<void>((resolve, reject) => http.get(`${app.base}/healthz`, (res) => res.resume().on('end', () => resolve())).on('error', reject));
        healthz.push(performance.now() - at);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    let bytes = 0;
    const seconds = await watch.phase('pulls', async () => {
      histogram.enable();
      const started = performance.now();
      for (let done = 0; done < pulls; done += parallel) {
        const sizes = await Promise.all(Array.from({ length: Math.min(parallel, pulls - done) }, () => pull(url)));
        bytes += sizes.reduce((a, b) => a + b, 0);
      }
      histogram.disable();
      return (performance.now() - started) / 1000;
    });
    probing = false;
    await probe;
    healthz.sort((a, b) => a - b);
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    const row = [
      postings,
      `${pulls} (${parallel} at once)`,
      (bytes / pulls / 2 ** 20).toFixed(2),
      seconds.toFixed(2),
      ms(histogram.percentile(50)),
      ms(histogram.percentile(99)),
      ms(histogram.max),
      percentile(healthz, 50).toFixed(1),
      percentile(healthz, 99).toFixed(1),
    ];
    const headers = ['postings', 'pulls', 'gzip MB per pull', 'total (s)', 'loop lag p50 (ms)', 'loop lag p99 (ms)', 'loop lag max (ms)', '/healthz p50 (ms)', '/healthz p99 (ms)'];
    const markdown = [
      '## Event-loop lag while pulling the feed',
      '',
      'GET /feeds/:slug.xml with gzip, pulled repeatedly while `monitorEventLoopDelay` (1 ms resolution) and a /healthz',
      'prober (every 20 ms) run in the same process. /metrics exposes the same lag as `jobgate_nodejs_eventloop_lag_p99_seconds`.',
      '',
      'Run: `npx vite-node scripts/bench/feed-lag.ts -- --postings 10000 --pulls 8 --parallel 4`.',
      '',
      `Lag is wall-clock: it includes waiting for a CPU. Load average (1 min) at the end of this run: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(headers, [row]),
    ].join('\n');
    return markdown;
  } finally {
    await app.close();
  }
}


void runBench({ section: 'feed-lag', database: 'jobgate_bench_feed_lag', body });
