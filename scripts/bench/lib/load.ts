import autocannon from 'autocannon';
import type { LoadWatch } from './load-average';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  body?: string;
  /** Several bodies, sent in turn on each connection (autocannon's `requests`), e.g. writes that must change something each time. */
  bodies?: string[];
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  connections?: number;
  durationSeconds?: number;
  /** A fixed offered rate (requests/s over all connections) instead of as fast as possible: latency at a given load. */
  overallRate?: number;
  /** When given, the 1-minute load average is read before and after this phase, under `phase`. */
  watch?: LoadWatch;
  phase?: string;
}

/** Fixed concurrency and duration over loopback; bounded in time, stops by itself. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const run = () =>
    autocannon({
      url: options.url,
      method: options.method ?? 'POST',
      body: options.body,
      ...(options.bodies ? { requests: options.bodies.map((body) => ({ method: options.method ?? 'POST', body })) } : {}),
      headers: { 'content-type': 'application/json', ...options.headers },
      connections: options.connections ?? 20,
      duration: options.durationSeconds ?? 5,
      ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    });
  const result = options.watch ? await options.watch.phase(options.phase ?? `load ${options.method ?? 'POST'} ${new URL(options.url).pathname}`, run) : await run();
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export const ratio = (ours: number, baseline: number): string => (baseline ? (ours / baseline).toFixed(2) + '×' : 'n/a');
