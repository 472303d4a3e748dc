/**
 * Webhook delivery with 2 Jobgate instances (child processes, each running its
 * graphile-worker) on one database, to a local receiver in this process:
 *  1. throughput: `--messages` outbox messages committed at once, delivered per second;
 *  2. latency: `--rate` events/s for `--rate-seconds`, each committed in its own
 *     transaction; commit → first attempt arriving at the receiver, p50 / p99;
 *  3. cost: updatePosting requests/s on an organization with 3 endpoints subscribed to
 *     posting.updated, side by side with one that has none (one unmeasured warm-up of
 *     each, then rounds that alternate which goes first): a. on instance 1 while both
 *     instances deliver on the same cores; b. on an instance with no worker and no pump,
 *     so the figure is what the update itself pays (the messages wait).
 * The goals: ≥ 500/s; p50 ≤ 100 ms and p99 ≤ 1 s at 250/s; cost < 10 %.
 *
 *   npx vite-node scripts/bench/webhooks.ts -- --messages 5000 --rate 250 --rate-seconds 10 --seconds 5 --rounds 2
 */
import path from 'node:path';
import { intFlag } from './lib/args';
import { createBenchOrg, startBenchApp, type BenchApp } from './lib/bench-app';
import { startChildServer, type ChildServer } from './lib/child-server';
import { load } from './lib/load';
import { machineLine, table } from './lib/report';
import { runBench, type BenchRun } from './lib/runner';
import { BenchReceiver } from './lib/webhook-receiver';

const PASSWORD = 'a long bench password';

async function gql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: unknown };
  if (!json.data) throw new Error(`GraphQL failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** An organization with one published posting, its admin session, and `endpoints` subscriptions to posting.updated at `url`. */
async function orgWith(app: BenchApp, endpoints: number, url: string) {
  const org = await createBenchOrg(app, 0);
  const { login } = await gql<{ login: { token: string } }>(app.base, 'mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }', {
    s: org.slug,
    e: `admin@${org.slug}.test`,
    p: PASSWORD,
  });
  for (let i = 0; i < endpoints; i++) {
    await gql(app.base, 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }', { input: { url, eventTypes: ['posting.updated'] } }, login.token);
  }
  const { createPosting } = await gql<{ createPosting: { id: string } }>(
    app.base,
    'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }',
    { input: { title: 'Bench posting', state: 'PUBLISHED', locations: [{ name: 'Berlin' }] } },
    login.token,
  );
  return { id: org.id, session: login.token, postingId: createPosting.id };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

const duplicatesOf = (ids: string[]) => ids.length - new Set(ids).size;

export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const messages = intFlag(argv, 'messages', 5000);
  const rate = intFlag(argv, 'rate', 250);
  const rateSeconds = intFlag(argv, 'rate-seconds', 10);
  const seconds = intFlag(argv, 'seconds', 5);
  const rounds = intFlag(argv, 'rounds', 2);
  const concurrency = intFlag(argv, 'concurrency', 10);
  const receiver = await new BenchReceiver().start();
  // Sets up and writes outbox messages only: its worker is off, so only the 2 instances deliver.
  const setup = await startBenchApp(db.url, { JOBGATE_WORKER: 'false', JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' });
  const instances: ChildServer[] = [];
  try {
    const flow = await orgWith(setup, 1, receiver.url('/flow'));
    const quiet = await orgWith(setup, 0, receiver.url('/unused'));
    const subscribed = await orgWith(setup, 3, receiver.url('/cost'));
    const instanceEnv = { NODE_ENV: 'production', DATABASE_URL: db.url, JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', JOBGATE_WORKER_CONCURRENCY: String(concurrency) };
    for (const name of ['instance 1', 'instance 2']) {
      instances.push(await startChildServer(name, process.execPath, [path.resolve('node_modules/vite-node/vite-node.mjs'), 'scripts/bench/lib/jobgate-server.ts'], instanceEnv));
    }
    const base = new URL(instances[0]!.url).origin;
    const enqueue = (em: Parameters<Parameters<BenchApp['orm']['em']['transactional']>[0]>[0], label: string) =>
      setup.services.webhooks.enqueueFor(em, { organizationId: flow.id, type: 'posting.updated', data: { id: label } });

    // 1. Throughput: every message committed in one transaction, then the clock runs until the last arrives.
    await setup.orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < messages; i++) await enqueue(em, `burst-${i}`);
    });
    const burstStart = performance.now();
    const burst = await watch.phase('throughput', () => receiver.waitFor('/flow', messages, 600_000));
    const burstSeconds = (Math.max(...burst.map((a) => a.at)) - burstStart) / 1000;
    const perSecond = messages / burstSeconds;

    // 2. Latency at a steady rate: one transaction per event, every 10 ms a batch.
    const committedAt = new Map<string, number>();
    const total = rate * rateSeconds;
    const writes: Promise<void>[] = [];
    await watch.phase('latency', async () => {
      const started = performance.now();
      let sent = 0;
      while (sent < total) {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
        for (; sent < due; sent++) {
          const label = `steady-${sent}`;
          writes.push(setup.orm.em.fork().transactional((em) => enqueue(em, label)).then(() => void committedAt.set(label, performance.now())));
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      await Promise.all(writes);
      await receiver.waitFor('/flow', messages + total, 120_000);
    });
    const firstArrival = new Map<string, number>();
    for (const a of receiver.at('/flow')) if (a.label.startsWith('steady-') && !firstArrival.has(a.label)) firstArrival.set(a.label, a.at);
    const lags = [...firstArrival].map(([label, at]) => at - committedAt.get(label)!).sort((a, b) => a - b);

    // 3. Cost of 3 matching subscriptions to a posting update: a. while the two instances deliver
    // on the same cores; b. the request path alone, on an instance that delivers nothing.
    let n = 0;
    const update = (postingId: string) => () => JSON.stringify({ query: 'mutation($id: ID!, $t: String!) { updatePosting(id: $id, input: { title: $t }) { id } }', variables: { id: postingId, t: `Bench ${n++}` } });
    const sideBySide = async (target: string, label: string) => {
      const none: number[] = [];
      const three: number[] = [];
      // One unmeasured pass of each warms the JIT and the connection pools, which the first timed round otherwise pays for.
      for (const org of [quiet, subscribed]) await load({ url: `${target}/graphql`, headers: { authorization: `Bearer ${org.session}` }, bodyOf: update(org.postingId), connections: 10, durationSeconds: 2 });
      for (let round = 0; round < rounds; round++) {
        // Alternate which goes first, so neither is always measured right after the other.
        const order = [[quiet, none], [subscribed, three]] as const;
        for (const [org, into] of round % 2 === 0 ? order : [...order].reverse()) {
          const result = await load({ url: `${target}/graphql`, headers: { authorization: `Bearer ${org.session}` }, bodyOf: update(org.postingId), connections: 10, durationSeconds: seconds, watch, phase: `updatePosting ${label}, ${org === quiet ? 'no' : '3'} endpoints` });
          if (result.errors || result.non2xx) throw new Error(`updatePosting load: ${result.errors} errors, ${result.non2xx} non-2xx`);
          into.push(result.requestsPerSecond);
        }
      }
      return { none, three };
    };
    const delivering = await sideBySide(base, 'delivered meanwhile');
    for (const instance of instances.splice(0)) await instance.stop();
    // No worker and no pump: the messages wait, and the figure is what the update itself pays.
    const apiOnly = await startChildServer('API-only instance', process.execPath, [path.resolve('node_modules/vite-node/vite-node.mjs'), 'scripts/bench/lib/jobgate-server.ts'], { ...instanceEnv, JOBGATE_WORKER: 'false' });
    instances.push(apiOnly);
    const requestPath = await sideBySide(new URL(apiOnly.url).origin, 'request path');
    // The load generator reads status codes only: make sure the updates really changed the postings (and so enqueued).
    for (const org of [quiet, subscribed]) {
      const { posting } = await gql<{ posting: { title: string } }>(setup.base, 'query($id: ID!) { posting(id: $id) { title } }', { id: org.postingId }, org.session);
      if (!posting.title.startsWith('Bench ')) throw new Error(`updatePosting load did not change posting ${org.postingId}`);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const costOf = ({ none, three }: { none: number[]; three: number[] }) => (mean(none) > 0 ? `${((1 - mean(three) / mean(none)) * 100).toFixed(1)} %` : 'n/a');
    const costRows = (label: string, side: { none: number[]; three: number[] }) => [
      [`${label}: no endpoints`, side.none.join(', '), Math.round(mean(side.none)), '—'],
      [`${label}: 3 matching endpoints`, side.three.join(', '), Math.round(mean(side.three)), costOf(side)],
    ];
    const flowIds = receiver.at('/flow').map((a) => a.webhookId);

    return [
      '## Webhook delivery (2 instances)',
      '',
      'Two Jobgate instances (child processes, each with its graphile-worker, concurrency ' + concurrency + ') on one database deliver to a',
      'receiver on 127.0.0.1 (in the benchmark process) that answers 200 at once. A change writes its messages in its transaction (`enqueueFor`);',
      'after the commit a NOTIFY wakes every instance\'s pump, which batches the due messages (≤ 50 per job) onto graphile-worker.',
      'Goals (issue #21): ≥ 500 deliveries/s; commit → first attempt p50 ≤ 100 ms and p99 ≤ 1 s at 250/s; 3 matching subscriptions cost < 10 % of updatePosting requests/s.',
      '',
      `Run: \`npx vite-node scripts/bench/webhooks.ts -- --messages ${messages} --rate ${rate} --rate-seconds ${rateSeconds} --seconds ${seconds} --rounds ${rounds}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(['messages', 'delivered in (s)', 'deliveries/s', 'duplicates'], [[messages, burstSeconds.toFixed(2), Math.round(perSecond), duplicatesOf(flowIds)]]),
      '',
      table(['events/s', 'events', 'commit → first attempt p50 (ms)', 'p99 (ms)', 'max (ms)'], [[rate, total, percentile(lags, 50).toFixed(1), percentile(lags, 99).toFixed(1), (lags.at(-1) ?? 0).toFixed(1)]]),
      '',
      table(['updatePosting', 'requests/s per round', 'mean requests/s', 'cost'], [...costRows('delivered meanwhile (same 2 cores)', delivering), ...costRows('request path (delivery deferred)', requestPath)]),
      '',
      '"Delivered meanwhile": updates go to instance 1 while both instances deliver every message (3 per update) to the receiver on the same',
      '2 cores, so the figure includes the deliveries\' own CPU. "Request path": an instance with no worker and no pump takes the updates and',
      'the messages wait, so the figure is what a subscription adds to the update itself (the message rows, the after-commit NOTIFY).',
    ].join('\n');
  } finally {
    for (const instance of instances) await instance.stop();
    await setup.close();
    await receiver.close();
  }
}

void runBench({ section: 'webhooks', database: 'jobgate_bench_webhooks', body });
