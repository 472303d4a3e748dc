import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { applyFixture, type ApplyFixture } from '../applications/helpers';
import { upload } from '../uploads/helpers';
import type { Part } from '../helpers/multipart';
import { openForm, submitForm } from './helpers';

/**
 * Issue #19, finding 1: file parts under names the form does not have were stored as
 * unclaimed uploads, so three anonymous POSTs filled the organization's cap and every
 * upload was refused for ~25 hours. Small files and a small cap keep the repro fast.
 */
const FILE_BYTES = 40_000;
const text = (fill: string) => Buffer.alloc(FILE_BYTES, fill);

let t: TestApp;
let f: ApplyFixture;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '100', JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_ORG: String(5 * FILE_BYTES) } });
  f = await applyFixture(t);
}, 60_000);

afterAll(() => t.close());

const formPath = (postingId: string) => `/jobs/${f.org.slug}/${postingId}/apply`;

async function storedFiles(): Promise<number> {
  const [row] = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from stored_files where organization_id = ?', [f.org.organizationId]);
  return Number(row!.n);
}

async function storeObjects(): Promise<number> {
  let count = 0;
  for await (const batch of t.services.uploads.store.list()) count += batch.length;
  return count;
}

/** A valid application to the plain posting plus `extra` parts. */
async function applyWith(extra: Part[], email: string, remoteAddress = '198.51.100.7') {
  const form = await openForm(t, formPath(f.plain));
  return submitForm(
    t,
    formPath(f.plain),
    null,
    [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Stray Parts' },
      { name: 'email', value: email },
      { name: 'resume', value: text('r'), filename: 'cv.txt', contentType: 'text/plain' },
      ...extra,
    ],
    remoteAddress,
  );
}

describe('file parts the hosted form does not ask for', () => {
  it('the repro: three anonymous POSTs with stray file parts get 400 naming the field, store nothing, and uploads keep working', async () => {
    const rows = await storedFiles();
    const objects = await storeObjects();
    for (let i = 0; i < 3; i++) {
      const strays: Part[] = Array.from({ length: 4 }, (_, j) => ({ name: `junk${j}`, value: text('x'), filename: `junk${j}.txt`, contentType: 'text/plain' }));
      const res = await applyWith(strays, `stray-${i}@example.com`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('junk0');
      expect(res.body).toContain('nothing was stored');
    }
    expect(await storedFiles()).toBe(rows);
    expect(await storeObjects()).toBe(objects);

    // The organization's uploads are not blocked: the postings key and the form still upload.
    expect((await upload(t, { token: f.key, purpose: 'RESUME', filename: 'cv.txt', bytes: text('k') })).status).toBe(201);
    expect((await applyWith([], 'after-strays@example.com')).status).toBe(303);
  });

  it('refuses a stray part even when it comes before the resume, and a second file for one field', async () => {
    const rows = await storedFiles();
    const objects = await storeObjects();
    const form = await openForm(t, formPath(f.plain));
    const first = await submitForm(t, formPath(f.plain), null, [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Early Stray' },
      { name: 'email', value: 'early-stray@example.com' },
      { name: 'attachment', value: text('s'), filename: 'extra.txt', contentType: 'text/plain' },
      { name: 'resume', value: text('r'), filename: 'cv.txt', contentType: 'text/plain' },
    ]);
    expect(first.status).toBe(400);
    expect(first.body).toContain('The form sent a file it does not ask for');
    expect(first.body).toContain('File field &quot;attachment&quot;');
    const twice = await applyWith([{ name: 'resume', value: text('t'), filename: 'second.txt', contentType: 'text/plain' }], 'twice@example.com');
    expect(twice.status).toBe(400);
    expect(twice.body).toContain('at most one file');
    expect(await storedFiles()).toBe(rows);
    expect(await storeObjects()).toBe(objects);
  });
});

describe('uploads of an application refused after staging', () => {
  it('are deleted at once instead of holding the cap for a day', async () => {
    const unclaimed = async () => {
      const [row] = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from stored_files where organization_id = ? and claimed_at is null', [f.org.organizationId]);
      return Number(row!.n);
    };
    const before = await unclaimed();
    const limited = await startTestApp({ databaseUrl: t.databaseUrl, env: { JOBGATE_APPLY_RATE_PER_SECOND: '1' } });
    try {
      const forms = await Promise.all(Array.from({ length: 4 }, () => openForm(limited, formPath(f.plain))));
      const results = await Promise.all(
        forms.map((form, i) =>
          submitForm(
            limited,
            formPath(f.plain),
            null,
            [
              { name: 'token', value: form.token },
              { name: 'name', value: `Burst ${i}` },
              { name: 'email', value: `burst-${i}@example.com` },
              { name: 'resume', value: text('b'), filename: 'cv.txt', contentType: 'text/plain' },
            ],
            '203.0.113.50',
          ),
        ),
      );
      expect(results.map((r) => r.status)).toContain(429);
      expect(await unclaimed()).toBe(before);
    } finally {
      await limited.close();
    }
  });
});
