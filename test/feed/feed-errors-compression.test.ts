import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPostings, getFeed, leverPostingInputs, parseFeed } from './helpers';

let t: TestApp;
let org: SeededOrg;

beforeAll(async () => {
  t = await startTestApp();
  org = await createOrg(t);
  await createPostings(t, org.organizationId, leverPostingInputs());
});
afterAll(() => t.close());

describe('feed errors', () => {
  it('answers 404 with a small body for an unknown slug', async () => {
    for (const slug of ['no-such-org', 'UPPER', 'x', '..%2F..']) {
      const res = await getFeed(t, slug);
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe('Feed not found\n');
    }
  });

  it('answers 404 once the organization switches its feed off, and serves it again when switched back on', async () => {
    const other = await createOrg(t);
    await createPostings(t, other.organizationId, [{ title: 'Anything' }]);
    expect((await getFeed(t, other.slug)).statusCode).toBe(200);
    const token = await login(t, other.slug, other.adminEmail, other.adminPassword);
    const toggle = (on: boolean) => t.gql(`mutation($on: Boolean!) { updateOrganizationSettings(input: { feedEnabled: $on }) { settings { feedEnabled } } }`, { on }, { token });

    expect((await toggle(false)).errors).toBeUndefined();
    const off = await getFeed(t, other.slug);
    expect(off.statusCode).toBe(404);
    expect(off.body).toBe('Feed not found\n');
    expect(off.headers.etag).toBeUndefined();

    expect((await toggle(true)).errors).toBeUndefined();
    expect(parseFeed((await getFeed(t, other.slug)).body).job!.map((j) => j.title)).toEqual(['Anything']);
  });
});

describe('feed compression', () => {
  it('gzips when the client accepts gzip, and the result decompresses to a valid feed', async () => {
    const plain = await getFeed(t, org.slug, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const res = await getFeed(t, org.slug, { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    const xml = gunzipSync(res.rawPayload).toString('utf8');
    expect(res.rawPayload.length).toBeLessThan(xml.length / 2);
    expect(xml).toBe(plain.body);
    expect(parseFeed(xml).job!.length).toBeGreaterThan(19);
  });

  it('uses brotli when the client prefers it', async () => {
    const res = await getFeed(t, org.slug, { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(parseFeed(brotliDecompressSync(res.rawPayload).toString('utf8')).job!.length).toBeGreaterThan(19);
  });
});
