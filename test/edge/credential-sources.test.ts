import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { boardIdOf, createPosting, orgWithTokens } from '../compat/helpers';

/**
 * Each route declares where its caller comes from (http/scope-hook.ts): the
 * Authorization header, Lever's `?key=`, the organization its slug names, or none.
 * A credential sent any other way is not looked at.
 */
describe('credential sources', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof orgWithTokens>>;
  let b: Awaited<ReturnType<typeof orgWithTokens>>;
  let posting: string;
  let boardId: number;
  const POSTINGS = '{ postings(first: 5) { edges { node { id } } } }';
  const applicant = { name: 'Ada Lovelace', email: 'ada@example.com' };

  beforeAll(async () => {
    t = await startTestApp();
    a = await orgWithTokens(t);
    b = await orgWithTokens(t);
    posting = await createPosting(t, a.admin, { title: 'Credential source test' });
    boardId = await boardIdOf(t, a.org.slug, 'Credential source test');
  });
  afterAll(async () => t?.close());

  it('a header route (public GraphQL, uploads, Greenhouse apply) refuses a key in ?key=', async () => {
    const viaQuery = await t.app.inject({ method: 'POST', url: `/public/graphql?key=${encodeURIComponent(a.key)}`, payload: { query: POSTINGS } });
    expect(viaQuery.statusCode).toBe(401);
    expect(viaQuery.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const viaHeader = await t.app.inject({ method: 'POST', url: '/public/graphql', headers: { authorization: `Bearer ${a.key}` }, payload: { query: POSTINGS } });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json().data.postings.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(posting);

    const upload = await t.app.inject({ method: 'POST', url: `/uploads?key=${encodeURIComponent(a.key)}`, headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
    expect(upload.statusCode).toBe(401);

    const greenhouse = `/v1/boards/${a.org.slug}/jobs/${boardId}`;
    const ghQuery = await t.app.inject({ method: 'POST', url: `${greenhouse}?key=${encodeURIComponent(a.key)}`, payload: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' } });
    expect(ghQuery.statusCode).toBe(401);
    expect(ghQuery.json()).toEqual({ status: 401, error: 'Unauthorized' });
    const ghHeader = await t.app.inject({ method: 'POST', url: greenhouse, headers: { authorization: `Basic ${Buffer.from(`${a.key}:`).toString('base64')}` }, payload: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' } });
    expect(ghHeader.statusCode, ghHeader.body).toBe(200);
  });

  it('a ?key= route (Lever apply) refuses the key in the Authorization header, and takes only a postings key in the URL', async () => {
    const url = `/v0/postings/${a.org.slug}/${posting}`;
    const viaHeader = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${a.key}` }, payload: applicant });
    expect(viaHeader.statusCode).toBe(403);
    expect(viaHeader.json()).toEqual({ ok: false, error: 'Invalid api key' });
    // A session token in a URL would end up in logs: it never counts there, even a valid one.
    const session = await t.app.inject({ method: 'POST', url: `${url}?key=${encodeURIComponent(a.admin)}`, payload: applicant });
    expect(session.statusCode).toBe(403);
    // Another organization's postings key is no key for this one.
    const foreign = await t.app.inject({ method: 'POST', url: `${url}?key=${encodeURIComponent(b.key)}`, payload: applicant });
    expect(foreign.statusCode).toBe(403);
    const viaQuery = await t.app.inject({ method: 'POST', url: `${url}?key=${encodeURIComponent(a.key)}`, payload: applicant });
    expect(viaQuery.statusCode, viaQuery.body).toBe(200);
    expect(viaQuery.json()).toMatchObject({ ok: true });
  });

  it('org-slug routes (hosted pages, drop-in reads, the feed) ignore both a header and ?key=, whoever they name', async () => {
    const noise = { authorization: `Bearer ${b.key}` };
    const urls = [
      `/jobs/${a.org.slug}?key=${encodeURIComponent(b.key)}`,
      `/jobs/${a.org.slug}/${posting}`,
      `/v0/postings/${a.org.slug}?mode=json&key=jgp_wrong`,
      `/v1/boards/${a.org.slug}/jobs?key=${encodeURIComponent(b.key)}`,
      `/feeds/${a.org.slug}.xml`,
    ];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, headers: noise });
      expect(res.statusCode, url).toBe(200);
      // The page is organization A's, whatever key came along: the slug alone decides.
      expect(res.body, url).toContain(url.startsWith('/v1') ? `"id":${boardId}` : posting);
    }
    const garbage = await t.app.inject({ method: 'GET', url: `/jobs/${a.org.slug}`, headers: { authorization: 'Bearer jgp_garbage' } });
    expect(garbage.statusCode).toBe(200);
  });

  it('routes with no caller source take no credential at all', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz', headers: { authorization: 'Bearer jgp_garbage' } });
    expect(health.statusCode).toBe(200);
  });
});
