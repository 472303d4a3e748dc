import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, orgWithTokens, type OrgWithTokens } from '../postings/helpers';

/**
 * Every conditional GET surface, through a real socket and Node's own fetch (undici), which
 * sends `Cache-Control: no-cache` (and `Pragma: no-cache`) whenever the caller sets
 * If-None-Match. That header is addressed to caches; the origin must still answer 304
 * (RFC 9110 §13.2.1), or no fetch() client ever gets one.
 */
let t: TestApp;
let o: OrgWithTokens;
let base: string;
let postingId: string;

beforeAll(async () => {
  t = await startTestApp();
  o = await orgWithTokens(t);
  postingId = await createPosting(t, o.admin, { title: 'Revalidated role' });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(() => t.close());

const surfaces = () => [
  ['the Indeed feed', `/feeds/${o.org.slug}.xml`],
  ['the hosted board', `/jobs/${o.org.slug}`],
  ['a hosted posting page', `/jobs/${o.org.slug}/${postingId}`],
  ['the Lever list', `/v0/postings/${o.org.slug}`],
  ['a Lever posting', `/v0/postings/${o.org.slug}/${postingId}`],
  ['the Greenhouse job list', `/v1/boards/${o.org.slug}/jobs`],
  ['a Greenhouse board', `/v1/boards/${o.org.slug}`],
] as const;

describe('conditional GET from fetch()', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('surface %i answers a matching If-None-Match with 304 despite Cache-Control: no-cache', async (i) => {
    const [name, path] = surfaces()[i]!;
    const first = await fetch(`${base}${path}`);
    expect(first.status, name).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag, `${name} sends an ETag`).toBeTruthy();
    await first.arrayBuffer();

    // Exactly what a browser's or undici's conditional request carries.
    const again = await fetch(`${base}${path}`, { headers: { 'if-none-match': etag!, 'cache-control': 'no-cache', pragma: 'no-cache' } });
    expect(again.status, name).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    // A different validator still gets the whole representation.
    const other = await fetch(`${base}${path}`, { headers: { 'if-none-match': 'W/"something-else"', 'cache-control': 'no-cache' } });
    expect(other.status, name).toBe(200);
    expect((await other.text()).length).toBeGreaterThan(0);
  });
});
