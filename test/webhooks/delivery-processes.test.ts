import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { gql, killLeftovers, query, startService, stopService, type ServiceProcess } from '../helpers/service-process';
import { TEST_SECRET_KEY } from '../helpers/test-app';
import { Receiver, verifyBoth } from './receiver';

const LOGIN = 'mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }';
const SUBSCRIBE = 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }';
const CREATE_POSTING = 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }';

/** A fresh database and the environment of a service on it that delivers to 127.0.0.1 quickly. */
async function serviceEnv(slug: string): Promise<Record<string, string>> {
  return {
    DATABASE_URL: await createTestDatabase(),
    JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
    JOBGATE_DEMO: 'false',
    JOBGATE_BOOTSTRAP_ORG_SLUG: slug,
    JOBGATE_BOOTSTRAP_ADMIN_EMAIL: `admin@${slug}.test`,
    JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'webhook process test password',
    JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
    JOBGATE_WEBHOOK_RETRY_SCHEDULE: '1,1',
    JOBGATE_WORKER_POLL_INTERVAL_MS: '200',
    JOBGATE_APPLY_RATE_PER_SECOND: '0',
  };
}

async function adminToken(service: ServiceProcess, slug: string): Promise<string> {
  const res = await gql<{ login: { token: string } }>(service.base, LOGIN, { s: slug, e: `admin@${slug}.test`, p: 'webhook process test password' });
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

async function subscribe(service: ServiceProcess, token: string, url: string): Promise<{ secret: string; id: string }> {
  const res = await gql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(service.base, SUBSCRIBE, { input: { url, eventTypes: ['posting.published'] } }, token);
  if (!res.data) throw new Error(`createWebhookEndpoint failed: ${JSON.stringify(res.errors)}`);
  return { secret: res.data.createWebhookEndpoint.secret, id: res.data.createWebhookEndpoint.endpoint.id };
}

async function publish(service: ServiceProcess, token: string, title: string): Promise<string> {
  const res = await gql<{ createPosting: { id: string } }>(service.base, CREATE_POSTING, { input: { title, state: 'PUBLISHED', locations: [{ name: 'Berlin' }] } }, token);
  if (!res.data) throw new Error(`createPosting failed: ${JSON.stringify(res.errors)}`);
  return res.data.createPosting.id;
}

/** This instance's count of delivered attempts, from its own /metrics. */
async function deliveredBy(service: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${service.base}/metrics`)).text();
  return Number(/jobgate_webhook_deliveries_total\{outcome="delivered"\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe('webhooks across real service processes', () => {
  const receivers: Receiver[] = [];
  afterAll(async () => {
    killLeftovers();
    for (const receiver of receivers) await receiver.close();
  });

  it(
    'kill -9 mid-delivery (the receiver answered 200, the attempt was never recorded): after a restart the message arrives again with the same webhook-id',
    { timeout: 420_000 },
    async () => {
      const slug = 'hook-crash';
      const env = await serviceEnv(slug);
      const receiver = await new Receiver().start();
      receivers.push(receiver);
      let service = await startService(env);
      const token = await adminToken(service, slug);
      const { secret, id: endpointId } = await subscribe(service, token, receiver.url);

      // The first delivery kills the sender before the receiver answers 200: the process is gone
      // between the POST and the write that records its attempt.
      const killed = service;
      receiver.beforeAnswer = async () => {
        receiver.beforeAnswer = null;
        killed.child.kill('SIGKILL');
        await killed.exited;
      };
      const postingId = await publish(service, token, 'Crash course');
      const [first] = await receiver.waitFor(1);
      await killed.exited;
      expect(killed.child.signalCode).toBe('SIGKILL');
      const stranded = await query<{ id: string; status: string; attempts: string }>(
        env.DATABASE_URL,
        `select m.id, m.status, (select count(*) from webhook_attempts a where a.message_id = m.id)::text as attempts from webhook_messages m where endpoint_id = $1`,
        [endpointId],
      );
      expect(stranded).toEqual([{ id: first!.headers['webhook-id'], status: 'DELIVERING', attempts: '0' }]);

      // Restarted on the same database: the lease runs out and the recovery task sends it again.
      service = await startService(env);
      const [, again] = await receiver.waitFor(2, 200_000);
      expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(again!.body).toBe(first!.body);
      expect(verifyBoth(secret, again!)).toMatchObject({ type: 'posting.published', data: { id: postingId } });
      verifyBoth(secret, first!);
      const settled = async () =>
        (await query<{ status: string; attempts: string }>(env.DATABASE_URL, `select status, (select count(*) from webhook_attempts a where a.message_id = m.id)::text as attempts from webhook_messages m where id = $1`, [first!.headers['webhook-id']]))[0];
      const until = Date.now() + 10_000;
      while ((await settled())?.status !== 'DELIVERED' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await settled()).toEqual({ status: 'DELIVERED', attempts: '1' });
      expect(receiver.received).toHaveLength(2);
      await stopService(service);
    },
  );

  it('two instances on one database under load: every message delivered exactly once, verified by both verifiers, the work shared', { timeout: 420_000 }, async () => {
    const slug = 'hook-pair';
    const env = await serviceEnv(slug);
    const receiver = await new Receiver().start();
    receivers.push(receiver);
    const instances = [await startService(env), await startService(env)];
    try {
      const token = await adminToken(instances[0]!, slug);
      const endpoints = await Promise.all([1, 2, 3].map((n) => subscribe(instances[0]!, token, `${receiver.url}?endpoint=${n}`)));
      const postings = 80;
      // Changes arrive through both instances, 8 at a time.
      for (let i = 0; i < postings; i += 8) {
        await Promise.all(Array.from({ length: 8 }, (_, j) => publish(instances[(i + j) % 2]!, token, `Load ${i + j}`)));
      }
      const expected = postings * endpoints.length;
      await receiver.waitFor(expected, 120_000);
      // Anything sent twice would arrive within a moment of the first copy.
      await new Promise((r) => setTimeout(r, 2000));
      expect(receiver.received).toHaveLength(expected);
      const ids = receiver.received.map((d) => d.headers['webhook-id']);
      expect(new Set(ids).size).toBe(expected);
      for (const delivery of receiver.received) {
        const n = Number(new URL(delivery.path, 'http://x').searchParams.get('endpoint'));
        expect(verifyBoth(endpoints[n - 1]!.secret, delivery).type).toBe('posting.published');
      }
      // Each endpoint got each posting once.
      for (let n = 1; n <= endpoints.length; n++) {
        const postingIds = receiver.received.filter((d) => d.path.endsWith(`endpoint=${n}`)).map((d) => (JSON.parse(d.body) as { data: { id: string } }).data.id);
        expect(new Set(postingIds).size).toBe(postings);
      }
      const rows = await query<{ status: string; attempt_count: number; n: string }>(env.DATABASE_URL, `select status, attempt_count, count(*)::text as n from webhook_messages group by 1, 2`);
      expect(rows).toEqual([{ status: 'DELIVERED', attempt_count: 1, n: String(expected) }]);
      const byInstance = await Promise.all(instances.map(deliveredBy));
      expect(byInstance[0]! + byInstance[1]!).toBe(expected);
      expect(byInstance.every((count) => count > 0)).toBe(true);
    } finally {
      for (const instance of instances) await stopService(instance);
    }
  });
});
