import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, createKey, mutate } from '../credentials/helpers';
import { createPosting, publicToken } from '../postings/helpers';
import { apply, minimalInput } from '../applications/helpers';
import { bothRefuse, Receiver, verifyBoth } from './receiver';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes status } } }`;
const MESSAGES = `query($id: ID!) { webhookMessages(endpointId: $id) { totalCount nodes { id eventType status nextAttemptAt attempts { statusCode durationMs error } } } }`;

async function subscribe(t: TestApp, token: string, input: Record<string, unknown>) {
  const res = await t.gql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; status: string; eventTypes: string[] } } }>(CREATE, { input }, { token });
  if (!res.data) throw new Error(`createWebhookEndpoint failed: ${JSON.stringify(res.errors)}`);
  return res.data.createWebhookEndpoint;
}

async function messagesOf(t: TestApp, token: string, id: string) {
  const res = await t.gql<{ webhookMessages: { nodes: { id: string; eventType: string; status: string; attempts: { statusCode: number | null }[] }[] } }>(MESSAGES, { id }, { token });
  return res.data!.webhookMessages.nodes;
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webhooks: delivery to Standard Webhooks 1.0 (real receivers on 127.0.0.1)', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', JOBGATE_WEBHOOK_RETRY_SCHEDULE: '1,1', JOBGATE_WORKER_POLL_INTERVAL_MS: '200' } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('lists the event types with the permission each needs', async () => {
    const { token } = await adminOf(t);
    const res = await t.gql<{ webhookEventTypes: { name: string; permission: string }[] }>('{ webhookEventTypes { name permission } }', {}, { token });
    expect(res.data?.webhookEventTypes).toMatchSnapshot();
  });

  it('signs posting.published to the spec: both verifiers accept it, and refuse a tampered body, an old timestamp or the wrong secret', async () => {
    const { token } = await adminOf(t);
    const { secret, endpoint } = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint.status).toBe('ENABLED');
    const start = receiver.received.length;
    const postingId = await createPosting(t, token, { state: 'PUBLISHED' });
    const [delivery] = (await receiver.waitFor(start + 1)).slice(start);
    const payload = verifyBoth(secret, delivery!);
    expect(payload.type).toBe('posting.published');
    expect(payload.data).toMatchObject({ id: postingId, state: 'PUBLISHED', confidential: false });
    expect(String(payload.data.hostedUrl)).toContain(postingId);
    expect(delivery!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(delivery!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    expect(bothRefuse(secret, { ...delivery!, body: delivery!.body.replace('PUBLISHED', 'DRAFT') })).toBe(true);
    expect(bothRefuse('whsec_' + Buffer.alloc(32, 1).toString('base64'), delivery!)).toBe(true);
    const old = new Date(Date.now() - 10 * 60_000);
    const oldSigned = new StandardWebhook(secret).sign(delivery!.headers['webhook-id']!, old, delivery!.body);
    const oldHeaders = { ...delivery!.headers, 'webhook-timestamp': String(Math.floor(old.getTime() / 1000)), 'webhook-signature': oldSigned };
    expect(bothRefuse(secret, { headers: oldHeaders, body: delivery!.body })).toBe(true);
  });

  it('sends application.created from applyToPosting with ids only (no candidate PII)', async () => {
    const { org, token } = await adminOf(t);
    const { secret } = await subscribe(t, token, { url: receiver.url, eventTypes: ['application.created'] });
    const postingId = await createPosting(t, token, { state: 'PUBLISHED' });
    const start = receiver.received.length;
    const res = await apply(t, await publicToken(t, org), postingId, minimalInput({ name: 'Grace Hopper', email: 'grace@example.com' }));
    const applicationId = res.data!.applyToPosting.applicationId;
    const [delivery] = (await receiver.waitFor(start + 1)).slice(start);
    const payload = verifyBoth(secret, delivery!);
    expect(payload).toMatchObject({ type: 'application.created', data: { id: applicationId, postingId } });
    expect(delivery!.body).not.toContain('Grace');
    expect(delivery!.body).not.toContain('grace@example.com');
  });

  it('retries on the shortened schedule with one stable webhook-id, then records every attempt', async () => {
    const { token } = await adminOf(t);
    const { secret, endpoint } = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'] });
    const start = receiver.received.length;
    receiver.answers.push({ status: 500 }, { status: 302, headers: { location: 'https://example.com' } });
    await createPosting(t, token, { state: 'PUBLISHED' });
    const three = (await receiver.waitFor(start + 3)).slice(start, start + 3);
    const ids = new Set(three.map((d) => d.headers['webhook-id']));
    expect(ids.size).toBe(1);
    for (const d of three) verifyBoth(secret, d);
    // ≈1 s apart (the schedule is 1,1 with ±10 % jitter).
    expect(three[1]!.at - three[0]!.at).toBeGreaterThanOrEqual(800);
    await until(async () => (await messagesOf(t, token, endpoint.id))[0]?.status === 'DELIVERED');
    const [message] = await messagesOf(t, token, endpoint.id);
    expect(message!.attempts.map((a) => a.statusCode)).toEqual([500, 302, 200]);
    // The failures flagged the endpoint; the success cleared the flag.
    const flag = await t.gql<{ webhookEndpoint: { failingSince: string | null } }>('query($id: ID!) { webhookEndpoint(id: $id) { failingSince } }', { id: endpoint.id }, { token });
    expect(flag.data!.webhookEndpoint.failingSince).toBeNull();
  });

  it('honours Retry-After on 429, and 410 Gone disables the endpoint (audited)', async () => {
    const { token } = await adminOf(t);
    const { endpoint } = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'] });
    const start = receiver.received.length;
    receiver.answers.push({ status: 429, headers: { 'retry-after': '3' } }, { status: 410 });
    await createPosting(t, token, { state: 'PUBLISHED' });
    const two = (await receiver.waitFor(start + 2)).slice(start, start + 2);
    expect(two[1]!.at - two[0]!.at).toBeGreaterThanOrEqual(2900);
    await until(async () => {
      const res = await t.gql<{ webhookEndpoint: { status: string; disabledReason: string } }>('query($id: ID!) { webhookEndpoint(id: $id) { status disabledReason } }', { id: endpoint.id }, { token });
      return res.data?.webhookEndpoint.status === 'DISABLED';
    });
    const audit = await t.orm.em.getConnection().execute(`select changes from audit_events where action = 'webhook_endpoint.disabled' and target_id = ?`, [endpoint.id]);
    expect(audit).toHaveLength(1);
  });

  it('honours Retry-After on 503, flags a failing endpoint (failingSince), and disables it once every delivery failed for 5 days (audited)', async () => {
    const { token } = await adminOf(t);
    const { secret, endpoint } = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'] });
    const ENDPOINT = 'query($id: ID!) { webhookEndpoint(id: $id) { status disabledReason failingSince } }';
    const read = async () => (await t.gql<{ webhookEndpoint: { status: string; disabledReason: string | null; failingSince: string | null } }>(ENDPOINT, { id: endpoint.id }, { token })).data!.webhookEndpoint;
    const start = receiver.received.length;
    receiver.answers.push({ status: 503, headers: { 'retry-after': '3' } }, { status: 500 });
    await createPosting(t, token, { state: 'PUBLISHED' });
    await receiver.waitFor(start + 1);
    // The first failure flags the endpoint: the console shows failingSince.
    await until(async () => (await read()).failingSince !== null);
    expect((await read()).status).toBe('ENABLED');
    // Failing for 5 days already (as if every earlier delivery had failed): the next failure disables it.
    await t.orm.em.getConnection().execute(`update webhook_endpoints set failing_since = now() - interval '5 days 1 minute' where id = ?`, [endpoint.id]);
    const two = (await receiver.waitFor(start + 2)).slice(start, start + 2);
    expect(two[1]!.at - two[0]!.at).toBeGreaterThanOrEqual(2900);
    expect(two[1]!.headers['webhook-id']).toBe(two[0]!.headers['webhook-id']);
    for (const d of two) verifyBoth(secret, d);
    await until(async () => (await read()).status === 'DISABLED');
    const after = await read();
    expect(after.disabledReason).toBe('every delivery failed for 5 days');
    expect(after.failingSince).not.toBeNull();
    const audit = await t.orm.em.getConnection().execute<{ changes: { reason: string } }[]>(`select changes from audit_events where action = 'webhook_endpoint.disabled' and target_id = ?`, [endpoint.id]);
    expect(audit.map((a) => a.changes.reason)).toEqual(['every delivery failed for 5 days']);
    // Nothing more is sent to a disabled endpoint.
    await createPosting(t, token, { state: 'PUBLISHED' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.received.length).toBe(start + 2);
  });

  it('during a rotation grace period signs with both secrets, then only the new one', async () => {
    const { token } = await adminOf(t);
    const { secret: oldSecret, endpoint } = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'] });
    const rotated = await mutate(t, token, 'mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id, previousSecretTtlSeconds: 3) { secret } }', { id: endpoint.id });
    const newSecret = (rotated.data!.rotateWebhookEndpointSecret as { secret: string }).secret;
    let start = receiver.received.length;
    await createPosting(t, token, { state: 'PUBLISHED' });
    const [during] = (await receiver.waitFor(start + 1)).slice(start);
    expect(during!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    verifyBoth(oldSecret, during!);
    verifyBoth(newSecret, during!);
    await new Promise((r) => setTimeout(r, 3100));
    start = receiver.received.length;
    await createPosting(t, token, { state: 'PUBLISHED' });
    const [after] = (await receiver.waitFor(start + 1)).slice(start);
    expect(after!.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    verifyBoth(newSecret, after!);
    expect(bothRefuse(oldSecret, after!)).toBe(true);
  });

  it('ceiling: a key subscribes only to what it may read, and a key narrowed later has its messages suppressed', async () => {
    const { token } = await adminOf(t);
    const narrow = await createKey(t, token, { operations: ['webhooks.create', 'postings.read'] });
    const refused = await t.gql(CREATE, { input: { url: receiver.url, eventTypes: ['application.created'] } }, { token: narrow.secret });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const confidential = await t.gql(CREATE, { input: { url: receiver.url, eventTypes: ['posting.published'], allowConfidential: true } }, { token: narrow.secret });
    expect(codeOf(confidential)).toBe('FORBIDDEN');
    const unknown = await t.gql(CREATE, { input: { url: receiver.url, eventTypes: ['posting.exploded'] } }, { token: narrow.secret });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');

    const key = await createKey(t, token, { operations: ['webhooks.create', 'webhooks.read', 'applications.read'] });
    const { endpoint } = await subscribe(t, key.secret, { url: receiver.url, eventTypes: ['application.created'] });
    // The key loses applications.read after subscribing.
    const narrowed = await mutate(t, token, 'mutation($id: ID!, $input: UpdateApiCredentialInput!) { updateApiCredential(id: $id, input: $input) { id } }', {
      id: key.id,
      input: { operations: ['webhooks.create', 'webhooks.read'] },
    });
    expect(narrowed.errors).toBeUndefined();
    const postingId = await createPosting(t, token, { state: 'PUBLISHED' });
    const start = receiver.received.length;
    const postingsKey = await t.gql<{ revealPostingsApiKey: string }>(`mutation { revealPostingsApiKey }`, {}, { token });
    await apply(t, postingsKey.data!.revealPostingsApiKey, postingId, minimalInput());
    await until(async () => (await messagesOf(t, token, endpoint.id))[0]?.status === 'SUPPRESSED');
    expect(receiver.received.length).toBe(start);
  });

  it('confidential postings reach only allowConfidential endpoints', async () => {
    const { token } = await adminOf(t);
    const open = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'] });
    const trusted = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.published'], allowConfidential: true });
    await createPosting(t, token, { state: 'PUBLISHED', confidential: true });
    await until(async () => (await messagesOf(t, token, trusted.endpoint.id)).length === 1);
    expect(await messagesOf(t, token, open.endpoint.id)).toHaveLength(0);
  });

  it('redelivers a message with the same webhook-id, and sends a test event', async () => {
    const { token } = await adminOf(t);
    const { secret, endpoint } = await subscribe(t, token, { url: receiver.url, eventTypes: ['posting.unpublished'] });
    const start = receiver.received.length;
    const sent = await mutate(t, token, 'mutation($id: ID!) { sendTestWebhook(endpointId: $id, eventType: "posting.unpublished") }', { id: endpoint.id });
    const messageId = sent.data!.sendTestWebhook as string;
    const [first] = (await receiver.waitFor(start + 1)).slice(start);
    expect(verifyBoth(secret, first!).data).toEqual({ test: true });
    await until(async () => (await messagesOf(t, token, endpoint.id))[0]?.status === 'DELIVERED');
    const again = await mutate(t, token, 'mutation($e: ID!, $m: ID!) { redeliverWebhookMessage(endpointId: $e, messageId: $m) }', { e: endpoint.id, m: messageId });
    expect(again.errors).toBeUndefined();
    const [second] = (await receiver.waitFor(start + 2)).slice(start + 1);
    expect(second!.headers['webhook-id']).toBe(messageId);
  });

  it('/metrics shows deliveries by outcome, open messages and the age of the oldest due one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/jobgate_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(res.body).toMatch(/jobgate_webhook_deliveries_total\{outcome="retrying"\} [1-9]/);
    expect(res.body).toMatch(/jobgate_webhook_messages_open \d+/);
    expect(res.body).toMatch(/jobgate_webhook_oldest_due_seconds \d+/);
  });
});

describe('webhooks: SSRF (private networks not allowed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it.each([
    ['http', 'http://example.com/hook'],
    ['loopback', 'https://127.0.0.1/hook'],
    ['private', 'https://10.1.2.3/hook'],
    ['link-local / metadata', 'https://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]/hook'],
    ['unique-local IPv6', 'https://[fd00::1]/hook'],
    ['a hostname resolving to loopback', 'https://localhost/hook'],
  ])('refuses %s with BAD_USER_INPUT naming url', async (_what, url) => {
    const { token } = await adminOf(t);
    const res = await t.gql(CREATE, { input: { url, eventTypes: ['posting.published'] } }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain('url');
  });
});
