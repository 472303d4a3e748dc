import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { multipart, samples, upload } from '../uploads/helpers';

async function postingsKeyOf(t: TestApp, org: SeededOrg): Promise<string> {
  const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
  const reveal = await t.gql<{ revealPostingsApiKey: string }>('mutation { revealPostingsApiKey }', {}, { token: admin });
  expect(reveal.errors).toBeUndefined();
  return reveal.data!.revealPostingsApiKey;
}

function expectRateLimited(res: { status: number; body: Record<string, unknown> & { error?: { code: string } }; headers: Record<string, unknown> }) {
  expect(res.status).toBe(429);
  expect(res.body.error?.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  expect((res.body.error as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBe(retryAfter);
}

describe('upload rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY: '3', JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '5' } });
  });
  afterAll(async () => t?.close());

  it('limits uploads per postings key, whatever the client address', async () => {
    const key = await postingsKeyOf(t, await createOrg(t));
    const results = [];
    for (let i = 0; i < 5; i += 1) {
      // A distinct client address each time, so only the key limit can apply.
      const f = form(key);
      const res = await t.app.inject({ method: 'POST', url: '/uploads', remoteAddress: `198.51.100.${i + 1}`, payload: f.payload, headers: f.headers });
      results.push({ status: res.statusCode, body: res.json(), headers: res.headers });
    }
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([201, 201, 201]);
    for (const r of results.slice(3)) expectRateLimited(r);
  });

  it('limits uploads per client address across credentials', async () => {
    const org = await createOrg(t);
    const key = await postingsKeyOf(t, org);
    const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const ip = '192.0.2.44';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const f = form(i % 2 ? key : admin);
      const res = await t.app.inject({ method: 'POST', url: '/uploads', remoteAddress: ip, payload: f.payload, headers: f.headers });
      statuses.push(res.statusCode);
      if (i === 5) expectRateLimited({ status: res.statusCode, body: res.json(), headers: res.headers });
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const stranger = await createOrg(t);
    const other = form(await login(t, stranger.slug, stranger.adminEmail, stranger.adminPassword));
    const elsewhere = await t.app.inject({ method: 'POST', url: '/uploads', remoteAddress: '192.0.2.45', payload: other.payload, headers: other.headers });
    expect(elsewhere.statusCode).toBe(201);
  });
});

/** One RESUME upload request for `token` (a multipart body with a small PDF). */
function form(token: string): { payload: Buffer; headers: Record<string, string> } {
  const body = multipart([
    { name: 'purpose', value: 'RESUME' },
    { name: 'file', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
  ]);
  return { payload: body.body, headers: { 'content-type': body.contentType, authorization: `Bearer ${token}` } };
}

describe('cap on unclaimed upload bytes per organization', () => {
  let t: TestApp;
  const fileSize = 100_000;
  const text = Buffer.alloc(fileSize, 'a');
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_ORG: String(2.5 * fileSize) } });
  });
  afterAll(async () => t?.close());

  it('refuses the upload that would pass the cap with RATE_LIMITED, even when sent in parallel; other organizations are unaffected', async () => {
    const org = await createOrg(t);
    const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => upload(t, { token: admin, purpose: 'ATTACHMENT', filename: 'notes.txt', bytes: text })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expectRateLimited(r);
      expect(r.body.error?.message).toMatch(/not yet used/);
    }
    const [usage] = await t.orm.em
      .getConnection()
      .execute<{ bytes: string }[]>('select sum(size) as bytes from stored_files where organization_id = ? and claimed_at is null', [org.organizationId]);
    expect(Number(usage.bytes)).toBe(2 * fileSize);
    // Nothing half-written: refused uploads left no content behind.
    const [contents] = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from stored_file_contents c where not exists (select 1 from stored_files f where f.id = c.file_id)');
    expect(Number(contents.n)).toBe(0);

    const other = await createOrg(t);
    const otherAdmin = await login(t, other.slug, other.adminEmail, other.adminPassword);
    expect((await upload(t, { token: otherAdmin, purpose: 'ATTACHMENT', filename: 'notes.txt', bytes: text })).status).toBe(201);
  });
});

describe('orphaned file content', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('the sweep reclaims content rows that no stored_files row points at once past the grace period, as a kill -9 leaves them', async () => {
    const org = await createOrg(t);
    const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const kept = await upload(t, { token: admin, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(kept.status).toBe(201);
    const orphan = randomUUID();
    const young = randomUUID();
    const knex = t.orm.em.getKnex();
    await knex.raw("insert into stored_file_contents (file_id, content, created_at) values (?, ?, now() - interval '2 hours')", [orphan, Buffer.alloc(400_000, 1)]);
    // Written a moment ago: its row may still be on the way, so the sweep spares it.
    await knex.raw('insert into stored_file_contents (file_id, content) values (?, ?)', [young, Buffer.alloc(10, 1)]);

    const report = await t.services.housekeeping.runOnce();
    expect(report.orphanObjects).toBe(1);

    const rows = await knex.raw<{ rows: { file_id: string }[] }>('select file_id from stored_file_contents where file_id in (?, ?, ?) order by file_id', [orphan, young, kept.body.id as string]);
    expect(rows.rows.map((r) => r.file_id).sort()).toEqual([young, kept.body.id as string].sort());
  });
});
