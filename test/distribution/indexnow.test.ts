import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPosting } from '../postings/helpers';
import { until } from '../outages/until';
import { noticeCount } from './notice-metrics';

const PUBLIC_URL = 'https://jobs.example.test';

interface Submission {
  host: string;
  key: string;
  keyLocation: string;
  urlList: string[];
}

let t: TestApp;
let org: SeededOrg;
let token: string;
let receiver: Server;
const received: Submission[] = [];
/** Statuses the receiver answers, one per request, then 200. */
const answers: number[] = [];

const urls = () => received.flatMap((s) => s.urlList);
const hosted = (id: string) => `${PUBLIC_URL}/jobs/${org.slug}/${id}`;

async function gqlOk(query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const res = await t.gql(query, variables, { token });
  expect(res.errors).toBeUndefined();
}

/** Waits until the receiver holds `count` URLs, then a little longer to catch duplicates. */
async function expectUrls(expected: string[]): Promise<void> {
  await until(() => urls().length >= expected.length, 15_000, 'IndexNow submissions');
  await new Promise((r) => setTimeout(r, 300));
  expect(urls().sort()).toEqual([...expected].sort());
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status === 200) received.push(JSON.parse(body) as Submission);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as AddressInfo).port;
  t = await startTestApp({
    env: { JOBGATE_PUBLIC_URL: PUBLIC_URL, JOBGATE_INDEXNOW_ENDPOINT: `http://127.0.0.1:${port}/indexnow`, JOBGATE_WORKER_POLL_INTERVAL_MS: '200' },
  });
  org = await createOrg(t);
  token = await login(t, org.slug, org.adminEmail, org.adminPassword);
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => receiver.close(r));
});

describe('IndexNow', () => {
  it('serves the key file at keyLocation', async () => {
    const key = t.services.searchNotices.indexNowKey!;
    expect(key).toMatch(/^[a-f0-9]{32}$/);
    const res = await t.app.inject({ method: 'GET', url: `/jobs/${key}.txt` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(key);
  });

  it('sends nothing while the organization has not turned submission on', async () => {
    await createPosting(t, token);
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toEqual([]);
  });

  it('announces publish, edit, close and delete once each; drafts and confidential postings never', async () => {
    await gqlOk(`mutation { updateOrganizationSettings(input: { submitHostedPages: true }) { settingsVersion } }`);
    const published = await createPosting(t, token);
    await expectUrls([hosted(published)]);
    const first = received[0];
    expect(first).toMatchObject({ host: 'jobs.example.test', key: t.services.searchNotices.indexNowKey, keyLocation: `${PUBLIC_URL}/jobs/${first.key}.txt` });

    received.length = 0;
    const draft = await createPosting(t, token, { state: 'DRAFT' });
    await createPosting(t, token, { confidential: true });
    await gqlOk(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Draft, edited" }) { id } }`, { id: draft });
    await gqlOk(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Edited" }) { id } }`, { id: published });
    await expectUrls([hosted(published)]);

    received.length = 0;
    await gqlOk(`mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }`, { id: published });
    await expectUrls([hosted(published)]);

    received.length = 0;
    const deleted = await createPosting(t, token);
    await expectUrls([hosted(deleted)]);
    received.length = 0;
    await gqlOk(`mutation($id: ID!) { deletePosting(id: $id) }`, { id: deleted });
    await expectUrls([hosted(deleted)]);
  });

  it('announces a posting that expires by time once, from the expiry sweep', async () => {
    received.length = 0;
    const id = await createPosting(t, token, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await expectUrls([hosted(id)]);
    received.length = 0;
    await new Promise((r) => setTimeout(r, 1600));
    // The sweep returns what it expired (unless the once-a-minute cron run got there first; the notice is the same).
    const swept = await t.services.postingExpirySweep.runOnce();
    if (swept?.length) expect(swept.map((p) => p.id)).toEqual([id]);
    await expectUrls([hosted(id)]);
    received.length = 0;
    // A second sweep finds nothing new: no second notice.
    expect((await t.services.postingExpirySweep.runOnce()) ?? []).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toEqual([]);
  });

  it('retries a batch the engine could not take, and counts it', async () => {
    received.length = 0;
    const before = { retried: await noticeCount(t, 'INDEXNOW', 'retried'), sent: await noticeCount(t, 'INDEXNOW', 'sent') };
    answers.push(503);
    const id = await createPosting(t, token);
    // graphile-worker's first retry comes after about 2 s.
    await until(() => urls().length >= 1, 30_000, 'the retried submission');
    expect(urls()).toEqual([hosted(id)]);
    await until(async () => (await noticeCount(t, 'INDEXNOW', 'sent')) === before.sent + 1, 5_000, 'the sent count');
    expect(await noticeCount(t, 'INDEXNOW', 'retried')).toBe(before.retried + 1);
  });

  it('sends nothing for a posting shown on a careers site', async () => {
    await gqlOk(`mutation { updateOrganizationSettings(input: { careersSiteUrl: "https://careers.example.org" }) { settingsVersion } }`);
    received.length = 0;
    await createPosting(t, token);
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toEqual([]);
  });
});
