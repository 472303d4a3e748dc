import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, type SeededOrg, type TestApp, startTestApp } from '../helpers/test-app';
import { until } from '../outages/until';
import { createPosting } from '../postings/helpers';
import { CLIENT_EMAIL, startGoogleReceivers, verifyAssertion, type GoogleReceivers, type PublishCall } from './google-receivers';
import { noticeCount } from './notice-metrics';

const PUBLIC_URL = 'https://jobs.example.test';
const DAY = 86_400_000;
const QUOTA = 5;

let t: TestApp;
let org: SeededOrg;
let token: string;
let google: GoogleReceivers;
/** The services' clock runs this many days ahead: each test starts on a fresh quota day. */
let daysAhead = 0;

const calls = () => google.batches.flat();
const hosted = (id: string) => `${PUBLIC_URL}/jobs/${org.slug}/${id}`;
const updated = (id: string): PublishCall => ({ url: hosted(id), type: 'URL_UPDATED' });
const deleted = (id: string): PublishCall => ({ url: hosted(id), type: 'URL_DELETED' });
const byUrl = (a: PublishCall, b: PublishCall) => a.url.localeCompare(b.url) || a.type.localeCompare(b.type);

async function gqlOk<T = unknown>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.gql<T>(query, variables, { token });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** Waits until the receiver took `expected.length` calls since `from`, then a little longer to catch any duplicate. */
async function expectCalls(from: number, expected: PublishCall[]): Promise<PublishCall[]> {
  await until(() => calls().length - from >= expected.length, 15_000, 'Google publish calls');
  await new Promise((r) => setTimeout(r, 500));
  const got = calls().slice(from);
  expect([...got].sort(byUrl)).toEqual([...expected].sort(byUrl));
  return got;
}

async function expectNothingFor(ms: number): Promise<void> {
  const from = calls().length;
  await new Promise((r) => setTimeout(r, ms));
  expect(calls().slice(from)).toEqual([]);
}

/** Moves to a fresh quota day. */
const nextDay = () => void daysAhead++;

beforeAll(async () => {
  google = await startGoogleReceivers();
  t = await startTestApp({
    env: {
      JOBGATE_PUBLIC_URL: PUBLIC_URL,
      JOBGATE_GOOGLE_INDEXING_CREDENTIALS: google.keyPath,
      JOBGATE_GOOGLE_INDEXING_ENDPOINT: google.batchEndpoint,
      JOBGATE_GOOGLE_INDEXING_DAILY_QUOTA: String(QUOTA),
      JOBGATE_WORKER_POLL_INTERVAL_MS: '200',
    },
    clock: () => new Date(Date.now() + daysAhead * DAY),
  });
  org = await createOrg(t);
  token = await login(t, org.slug, org.adminEmail, org.adminPassword);
});
afterAll(async () => {
  await t?.close();
  await google?.close();
});

describe('Google Indexing API: the local receivers', () => {
  it('the token server refuses an assertion signed by another key, and the batch receiver a token it did not issue', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    // An assertion with the right claims, signed by a key the token server does not know.
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ iss: CLIENT_EMAIL, aud: 'https://oauth2.googleapis.com/token', scope: 'https://www.googleapis.com/auth/indexing', iat: now, exp: now + 3600 })).toString('base64url');
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(other.privateKey).toString('base64url');
    const res = await fetch(google.tokenEndpoint, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: `${header}.${payload}.${signature}` }) });
    expect(res.status).toBe(400);
    expect(google.refusedAssertions).toContain('bad signature');
    expect(verifyAssertion(`${header}.${payload}.${signature}`, other.publicKey)).toBeNull();

    const batch = await fetch(google.batchEndpoint, { method: 'POST', headers: { authorization: 'Bearer ya29.forged', 'content-type': 'multipart/mixed; boundary=x' }, body: '--x--\r\n' });
    expect(batch.status).toBe(401);
  });
});

describe('Google Indexing API notices', () => {
  it('sends nothing while the organization has not turned submission on', async () => {
    await createPosting(t, token);
    await expectNothingFor(1000);
    expect(google.tokensIssued).toBe(0);
  });

  it('announces publish, edit, close and delete once each, with a token from the service account key; hidden, draft and confidential postings never', async () => {
    nextDay();
    await gqlOk(`mutation { updateOrganizationSettings(input: { submitHostedPages: true }) { settingsVersion } }`);
    let from = calls().length;
    const published = await createPosting(t, token);
    await expectCalls(from, [updated(published)]);
    expect(google.tokensIssued).toBe(1);
    expect(google.refusedAssertions).toEqual(['bad signature']);

    from = calls().length;
    const draft = await createPosting(t, token, { state: 'DRAFT' });
    const internal = await createPosting(t, token, { state: 'INTERNAL' });
    await createPosting(t, token, { confidential: true });
    await gqlOk(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Draft, edited" }) { id } }`, { id: draft });
    await gqlOk(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Internal, edited" }) { id } }`, { id: internal });
    await gqlOk(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Edited" }) { id } }`, { id: published });
    await expectCalls(from, [updated(published)]);

    from = calls().length;
    await gqlOk(`mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }`, { id: published });
    await expectCalls(from, [deleted(published)]);

    nextDay();
    from = calls().length;
    const gone = await createPosting(t, token);
    await expectCalls(from, [updated(gone)]);
    from = calls().length;
    await gqlOk(`mutation($id: ID!) { deletePosting(id: $id) }`, { id: gone });
    await expectCalls(from, [deleted(gone)]);
    // One token served every batch: google-auth-library caches it until it nears expiry.
    expect(google.tokensIssued).toBe(1);
  });

  it('announces a posting that expires by time once, from the expiry sweep', async () => {
    nextDay();
    let from = calls().length;
    const id = await createPosting(t, token, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await expectCalls(from, [updated(id)]);
    from = calls().length;
    await new Promise((r) => setTimeout(r, 1600));
    await t.services.postingExpirySweep.runOnce();
    await expectCalls(from, [deleted(id)]);
    expect((await t.services.postingExpirySweep.runOnce()) ?? []).toEqual([]);
    await expectNothingFor(1000);
  });

  it('fills lastNotifiedAt and audits each notice sent', async () => {
    nextDay();
    const from = calls().length;
    const before = await noticeCount(t, 'GOOGLE', 'sent');
    const started = Date.now();
    const id = await createPosting(t, token);
    await expectCalls(from, [updated(id)]);
    await until(async () => (await noticeCount(t, 'GOOGLE', 'sent')) === before + 1, 5_000, 'the sent count');
    const data = await gqlOk<{ posting: { distribution: { destination: string; lastNotifiedAt: string | null }[] } }>(
      `query($id: ID!) { posting(id: $id) { distribution { destination lastNotifiedAt } } }`,
      { id },
    );
    const notified = Object.fromEntries(data.posting.distribution.map((d) => [d.destination, d.lastNotifiedAt]));
    expect(Date.parse(notified.GOOGLE!)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(notified.GOOGLE!)).toBeLessThanOrEqual(Date.now());
    expect(notified.INDEXNOW).toBeNull();
    expect(notified.INDEED).toBeNull();
    const audit = await gqlOk<{ auditEvents: { nodes: { action: string; targetId: string; actorType: string; changes: Record<string, unknown> }[] } }>(
      `query($id: String!) { auditEvents(first: 10, filter: { action: "posting.search_notice.", targetId: $id }) { nodes { action targetId actorType changes } } }`,
      { id },
    );
    expect(audit.auditEvents.nodes).toEqual([
      { action: 'posting.search_notice.sent', targetId: id, actorType: 'SYSTEM', changes: { destination: 'GOOGLE', type: 'URL_UPDATED', url: hosted(id) } },
    ]);
  });

  it('retries a call Google could not take, sends it once, and counts it', async () => {
    nextDay();
    const retriedBefore = await noticeCount(t, 'GOOGLE', 'retried');
    const from = calls().length;
    const id = await createPosting(t, token);
    google.failNext.set(hosted(id), 503);
    // The backlog's retry drain comes 10 s after the first failure.
    await until(() => calls().length > from, 40_000, 'the retried call');
    await expectCalls(from, [updated(id)]);
    expect(await noticeCount(t, 'GOOGLE', 'retried')).toBe(retriedBefore + 1);
  }, 60_000);

  it('keeps to the daily quota, deletions first, and carries the rest to the next days', async () => {
    nextDay();
    let from = calls().length;
    const first = [await createPosting(t, token), await createPosting(t, token), await createPosting(t, token)];
    await expectCalls(from, first.map(updated));

    // 2 of today's 5 calls are left: 2 of these 7 go out today, the other 5 wait.
    from = calls().length;
    const more: string[] = [];
    for (let i = 0; i < 7; i++) more.push(await createPosting(t, token));
    await until(() => calls().length - from >= 2, 15_000, "the rest of today's quota");
    await new Promise((r) => setTimeout(r, 1000));
    const sentToday = calls().slice(from);
    expect(sentToday).toHaveLength(2);
    // Closing a posting now is carried too.
    await gqlOk(`mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }`, { id: first[0] });
    await t.services.searchNotices.google!.requestDrain();
    await expectNothingFor(1500);

    // The next day: the deletion first, then 4 of the 5 waiting; the last one the day after.
    nextDay();
    from = calls().length;
    await t.services.searchNotices.google!.requestDrain();
    await until(() => calls().length - from >= 5, 15_000, "the next day's calls");
    await new Promise((r) => setTimeout(r, 1000));
    const secondDay = calls().slice(from);
    expect(secondDay).toHaveLength(5);
    expect(secondDay[0]).toEqual(deleted(first[0]!));

    nextDay();
    from = calls().length;
    await t.services.searchNotices.google!.requestDrain();
    await until(() => calls().length - from >= 1, 15_000, 'the third day');
    await new Promise((r) => setTimeout(r, 1000));
    const thirdDay = calls().slice(from);
    // Every posting announced exactly once over the three days.
    expect([...sentToday, ...secondDay.slice(1), ...thirdDay].sort(byUrl)).toEqual(more.map(updated).sort(byUrl));
  }, 120_000);

  it('sends every batch with at most 100 calls', () => {
    expect(google.batches.every((b) => b.length <= 100)).toBe(true);
  });
});
