import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Posting } from '../../src/modules/postings/posting.entity';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPostings, getFeed, parseFeed, updatePosting } from './helpers';

let t: TestApp;
let org: SeededOrg;
let postings: Posting[];

beforeAll(async () => {
  t = await startTestApp();
  org = await createOrg(t);
  postings = await createPostings(t, org.organizationId, [{ title: 'One' }, { title: 'Two' }]);
});
afterAll(() => t.close());

/** SQL statements that read postings rows (not the aggregate) since `from`. */
const postingReads = (from: number) => t.queries.slice(from).filter((q) => /order by p\.published_at desc/i.test(q));

describe('feed caching', () => {
  it('sends validators and answers If-None-Match with 304 without reading postings', async () => {
    const start = t.queries.length;
    const first = await getFeed(t, org.slug);
    expect(first.statusCode).toBe(200);
    expect(postingReads(start)).toHaveLength(1);
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(parseFeed(first.body).lastBuildDate).toBe(lastModified);

    const before = t.queries.length;
    const again = await getFeed(t, org.slug, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    expect(postingReads(before)).toEqual([]);

    const same = await getFeed(t, org.slug);
    expect(same.headers.etag).toBe(etag);
    expect(same.body).toBe(first.body);
  });

  it('answers If-Modified-Since with 304 when nothing changed since, 200 otherwise', async () => {
    const first = await getFeed(t, org.slug);
    const lastModified = first.headers['last-modified'] as string;
    expect((await getFeed(t, org.slug, { 'if-modified-since': lastModified })).statusCode).toBe(304);
    const earlier = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
    expect((await getFeed(t, org.slug, { 'if-modified-since': earlier })).statusCode).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110).
    expect((await getFeed(t, org.slug, { 'if-none-match': 'W/"stale"', 'if-modified-since': lastModified })).statusCode).toBe(200);
  });

  it('changes the ETag when a posting changes, and again when settings change', async () => {
    const etag = (await getFeed(t, org.slug)).headers.etag as string;
    await updatePosting(t, org.organizationId, postings[0].id, { title: 'One, renamed' });
    const changed = await getFeed(t, org.slug, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(parseFeed(changed.body).job!.map((j) => j.title)).toContain('One, renamed');
    const lastModified = changed.headers['last-modified'] as string;
    expect(new Date(lastModified).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const res = await t.gql(`mutation { updateOrganizationSettings(input: { careersSiteUrl: "https://jobs.example.org" }) { settingsVersion } }`, {}, { token });
    expect(res.errors).toBeUndefined();
    const afterSettings = await getFeed(t, org.slug, { 'if-none-match': changed.headers.etag as string });
    expect(afterSettings.statusCode).toBe(200);
    expect(parseFeed(afterSettings.body).publisherurl).toBe('https://jobs.example.org');
  });
});
