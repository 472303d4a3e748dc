import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, createPosting } from '../applications/helpers';
import { openForm, submitForm } from '../career-pages/helpers';
import { upload, type UploadResult } from './helpers';

/**
 * Issue #19, finding 1: the postings key is public (career sites embed it), so what it
 * stages is counted per client IP and per posting as well as per organization, and a
 * full cap answers with a Retry-After of minutes, not the ~25 hours until the purge.
 */
const F = 40_000;
const file = (fill: string) => Buffer.alloc(F, fill);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    env: {
      JOBGATE_APPLY_RATE_PER_SECOND: '100',
      JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_ORG: String(6 * F),
      JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_IP: String(2.5 * F),
      JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_POSTING: String(2.5 * F),
    },
  });
}, 60_000);
afterAll(() => t.close());

function expectRefused(r: UploadResult, message: RegExp) {
  expect(r.status).toBe(429);
  expect(r.body.error?.code).toBe('RATE_LIMITED');
  expect(r.body.error?.message).toMatch(message);
  const retryAfter = Number(r.headers['retry-after']);
  // Space frees up when any pending upload is used: minutes, not the day until the purge.
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(300);
}

const stage = (token: string, fill: string, remoteAddress: string) => upload(t, { token, purpose: 'RESUME', filename: 'cv.txt', bytes: file(fill), remoteAddress });

describe('unclaimed uploads staged with the postings key', () => {
  it('one client IP gets only its share; other clients and signed-in users still upload', async () => {
    const f = await applyFixture(t);
    expect((await stage(f.key, 'a', '198.51.100.1')).status).toBe(201);
    expect((await stage(f.key, 'b', '198.51.100.1')).status).toBe(201);
    expectRefused(await stage(f.key, 'c', '198.51.100.1'), /from this client/);
    expect((await stage(f.key, 'd', '198.51.100.2')).status).toBe(201);
    expect((await stage(f.admin, 'e', '198.51.100.1')).status).toBe(201);
  });

  it('one posting gets only its share of what applies have staged and not yet used', async () => {
    const f = await applyFixture(t);
    // Two uploads staged for the posting by applies still in flight (their rows as such an apply leaves them).
    const ids = [await stage(f.key, 'p', '198.51.100.11'), await stage(f.key, 'q', '198.51.100.12')].map((r) => String(r.body.id));
    await t.orm.em.getConnection().execute('update stored_files set staged_for_posting = ? where id in (?, ?)', [f.plain, ...ids]);
    const applyTo = async (postingId: string, email: string) => {
      const path = `/jobs/${f.org.slug}/${postingId}/apply`;
      const form = await openForm(t, path);
      return submitForm(
        t,
        path,
        null,
        [
          { name: 'token', value: form.token },
          { name: 'name', value: 'Posting Share' },
          { name: 'email', value: email },
          { name: 'resume', value: file('r'), filename: 'cv.txt', contentType: 'text/plain' },
        ],
        '198.51.100.13',
      );
    };
    const refused = await applyTo(f.plain, 'share-1@example.com');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(300);
    const other = await createPosting(t, f.admin, { title: 'Another posting' });
    expect((await applyTo(other, 'share-2@example.com')).status).toBe(303);
  });

  it('forgets the client IP once the upload is used', async () => {
    const f = await applyFixture(t);
    const staged = await stage(f.key, 'u', '198.51.100.21');
    const before = await t.orm.em.getConnection().execute<{ staged_from_ip: string | null }[]>('select staged_from_ip from stored_files where id = ?', [staged.body.id]);
    expect(before[0]!.staged_from_ip).toBe('198.51.100.21');
    const res = await apply(t, f.key, f.plain, { name: 'Ada Lovelace', email: 'ip-cleared@example.com', resumeUploadId: staged.body.id });
    expect(res.errors).toBeUndefined();
    const after = await t.orm.em.getConnection().execute<{ staged_from_ip: string | null }[]>('select staged_from_ip from stored_files where id = ?', [staged.body.id]);
    expect(after[0]!.staged_from_ip).toBeNull();
  });

  it('a full organization cap answers Retry-After in minutes', async () => {
    const f = await applyFixture(t);
    for (const fill of 'ghijkl') expect((await stage(f.admin, fill, '198.51.100.31')).status).toBe(201);
    expectRefused(await stage(f.admin, 'm', '198.51.100.31'), /This organization holds/);
  });
});

