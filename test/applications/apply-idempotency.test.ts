import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, codeOf, countRows, minimalInput, stage, type ApplyFixture } from './helpers';

let t: TestApp;
let f: ApplyFixture;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '1000' } });
  f = await applyFixture(t);
});
afterAll(async () => t?.close());

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

describe('applyToPosting with an Idempotency-Key', () => {
  it('returns the same applicationId for a retry and creates nothing more (even though its resume is already claimed)', async () => {
    const key = randomUUID();
    const input = minimalInput({ resumeUploadId: await stage(t, f.key), urls: [{ label: 'Site', url: 'https://a.example' }] });
    const first = await apply(t, f.key, f.plain, input, withKey(key));
    expect(first.errors).toBeUndefined();
    const before = { apps: await countRows(t, 'applications', f.org.organizationId), audit: await countRows(t, 'audit_events', f.org.organizationId) };

    // The same input with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const retry = await apply(t, f.key, f.plain, reordered, withKey(key));
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.applyToPosting.applicationId).toBe(first.data!.applyToPosting.applicationId);
    expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before.apps);
    expect(await countRows(t, 'audit_events', f.org.organizationId)).toBe(before.audit);
  });

  it('answers CONFLICT when the key comes back with a different input or posting', async () => {
    const key = randomUUID();
    const input = minimalInput();
    expect((await apply(t, f.key, f.plain, input, withKey(key))).errors).toBeUndefined();
    const different = await apply(t, f.key, f.plain, { ...input, comments: 'changed my mind' }, withKey(key));
    expect(codeOf(different)).toBe('CONFLICT');
    const otherPosting = await apply(t, f.key, f.quiz, input, withKey(key));
    expect(codeOf(otherPosting)).toBe('CONFLICT');
  });

  it('makes exactly one application out of 20 concurrent identical requests', async () => {
    const key = randomUUID();
    const input = minimalInput({ resumeUploadId: await stage(t, f.key) });
    const before = await countRows(t, 'applications', f.org.organizationId);
    const results = await Promise.all(Array.from({ length: 20 }, () => apply(t, f.key, f.plain, input, withKey(key))));
    for (const res of results) expect(res.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data!.applyToPosting.applicationId));
    expect(ids.size).toBe(1);
    expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before + 1);
    expect(await countRows(t, 'applications', f.org.organizationId, `and idempotency_key = '${key}'`)).toBe(1);
  });

  it('makes exactly one application out of 20 concurrent identical requests without an upload (the key\'s unique index decides)', async () => {
    const key = randomUUID();
    const input = minimalInput();
    const before = await countRows(t, 'applications', f.org.organizationId);
    const results = await Promise.all(Array.from({ length: 20 }, () => apply(t, f.key, f.plain, input, withKey(key))));
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data!.applyToPosting.applicationId)).size).toBe(1);
    expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before + 1);
  });

  it('without a key, two identical requests are two applications', async () => {
    const input = minimalInput();
    const a = await apply(t, f.key, f.plain, input);
    const b = await apply(t, f.key, f.plain, input);
    expect(a.data!.applyToPosting.applicationId).not.toBe(b.data!.applyToPosting.applicationId);
  });

  it('releases a key after 24 hours: the same key then makes a new application', async () => {
    const key = randomUUID();
    const input = minimalInput();
    const first = (await apply(t, f.key, f.plain, input, withKey(key))).data!.applyToPosting.applicationId;
    await t.orm.em.getConnection().execute(`update applications set created_at = now() - interval '25 hours' where id = ?`, [first]);
    const later = await apply(t, f.key, f.plain, { ...input, comments: 'a day later' }, withKey(key));
    expect(later.errors).toBeUndefined();
    expect(later.data!.applyToPosting.applicationId).not.toBe(first);
  });

  it('refuses a malformed key, naming the header', async () => {
    const res = await apply(t, f.key, f.plain, minimalInput(), withKey('x'.repeat(256)));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('Idempotency-Key');
  });
});
