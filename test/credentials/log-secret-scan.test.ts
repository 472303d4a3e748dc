import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../src/auth/secret-format';
import { multipart } from '../helpers/multipart';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { boardIdOf, createPosting, orgWithTokens } from '../compat/helpers';
import { openForm, submitForm } from '../career-pages/helpers';
import { samples, upload } from '../uploads/helpers';
import { createKey } from './helpers';

/** A credential parameter with a value that is not the redaction mark. */
const CREDENTIAL_PARAM = /\b(key|sig|token)=(?!\[redacted\])[^&"\s\\]/i;
const SECRET_SHAPE = /jg[a-z]_[A-Za-z0-9]/;

/**
 * Issue 19 §2: a whole scripted session on every surface that carries a credential
 * or a signed link in its URL or headers, logged at trace level. Not one secret
 * and not one signed link may be in the logs, yet every request must be logged.
 */
describe('no secrets or signed links in the logs of a whole session', () => {
  let t: TestApp;
  const secrets: string[] = [];
  const signedLinks: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'trace', JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('logs every request, with credentials redacted', { timeout: 120_000 }, async () => {
    const o = await orgWithTokens(t);
    secrets.push(o.admin, o.key);
    const dataKey = (await createKey(t, o.admin, { fullAccess: true, description: 'log scan' })).secret;
    secrets.push(dataKey);
    const unknownKey = generateSecret('jgp');
    const unknownSession = generateSecret('jgs');
    secrets.push(unknownKey, unknownSession);
    const posting = await createPosting(t, o.admin, { title: 'Scanned' });
    const boardId = await boardIdOf(t, o.org.slug, 'Scanned');
    const inject = (method: 'GET' | 'POST', url: string, extra: { headers?: Record<string, string>; payload?: string | Buffer } = {}) =>
      t.app.inject({ method, url, headers: extra.headers, payload: extra.payload });

    // GraphQL: a session, a data key (Bearer and Basic), the postings key, unknown secrets.
    expect((await t.gql('{ organization { id } }', {}, { token: o.admin })).status).toBe(200);
    expect((await t.gql('{ organization { id } }', {}, { token: dataKey })).status).toBe(200);
    await t.gql('{ organization { id } }', {}, { headers: { authorization: `Basic ${Buffer.from(`${dataKey}:`).toString('base64')}` } });
    await t.gql('{ postings { totalCount } }', {}, { token: o.key, path: '/public/graphql' });
    await t.gql('{ organization { id } }', {}, { token: unknownSession });
    await t.gql('{ postings { totalCount } }', {}, { token: unknownKey, path: '/public/graphql' });
    // A caller that puts its key in the URL of GraphQL too.
    await inject('POST', `/public/graphql?key=${o.key}&token=${dataKey}`, { headers: { 'content-type': 'application/json' }, payload: '{"query":"{ __typename }"}' });

    // Uploads with the postings key.
    expect((await upload(t, { token: o.key, purpose: 'RESUME', bytes: samples.pdf, filename: 'cv.pdf' })).status).toBe(201);

    // Lever: the documented `?key=` apply, multipart and JSON, a bad key, and reads with a key in the URL.
    const lever = `/v0/postings/${o.org.slug}/${posting}`;
    const form = multipart([
      { name: 'name', value: 'Ada Lovelace' },
      { name: 'email', value: 'ada-log@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    expect((await inject('POST', `${lever}?key=${o.key}`, { headers: { 'content-type': form.contentType }, payload: form.body })).statusCode).toBe(200);
    const json = JSON.stringify({ name: 'Grace Hopper', email: 'grace-log@example.com' });
    expect((await inject('POST', `${lever}?key=${encodeURIComponent(o.key)}`, { headers: { 'content-type': 'application/json' }, payload: json })).statusCode).toBe(200);
    expect((await inject('POST', `${lever}?key=${unknownKey}`, { headers: { 'content-type': 'application/json' }, payload: json })).statusCode).toBe(403);
    expect((await inject('GET', `/v0/postings/${o.org.slug}?key=${o.key}&mode=json`)).statusCode).toBe(200);
    expect((await inject('GET', `/v0/postings/${unknownKey}`)).statusCode).toBe(404);

    // Greenhouse: reads, and an apply with the key as the Basic username, then a wrong one.
    const gh = `/v1/boards/${o.org.slug}/jobs/${boardId}`;
    expect((await inject('GET', `/v1/boards/${o.org.slug}/jobs?content=true`)).statusCode).toBe(200);
    const ghForm = multipart([
      { name: 'first_name', value: 'Katherine' },
      { name: 'last_name', value: 'Johnson' },
      { name: 'email', value: 'kj-log@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    expect((await inject('POST', gh, { headers: { 'content-type': ghForm.contentType, authorization: basic(o.key) }, payload: ghForm.body })).statusCode).toBe(200);
    expect((await inject('POST', gh, { headers: { 'content-type': ghForm.contentType, authorization: basic(unknownKey) }, payload: ghForm.body })).statusCode).toBe(401);

    // Hosted pages: board, posting, the no-JS apply form and its submission, a secret in a path segment.
    expect((await inject('GET', `/jobs/${o.org.slug}?q=engineer`)).statusCode).toBe(200);
    expect((await inject('GET', `/jobs/${o.org.slug}/${posting}`)).statusCode).toBe(200);
    const hosted = await openForm(t, `/jobs/${o.org.slug}/${posting}/apply`);
    const submitted = await submitForm(t, `/jobs/${o.org.slug}/${posting}/apply`, null, [
      { name: 'token', value: hosted.token },
      { name: 'name', value: 'Mary Jackson' },
      { name: 'email', value: 'mj-log@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    expect(submitted.status).toBeLessThan(400);
    expect((await inject('GET', `/jobs/${dataKey}`)).statusCode).toBe(404);

    // The feed, with a key a caller pasted into its URL.
    expect((await inject('GET', `/feeds/${o.org.slug}.xml?key=${o.key}`)).statusCode).toBe(200);

    // Signed résumé links: read from the admin API, downloaded, tampered with, expired.
    const list = await t.gql<{ applications: { nodes: { resume: { downloadUrl: string } | null }[] } }>(
      '{ applications(first: 50) { nodes { resume { downloadUrl } } } }',
      {},
      { token: dataKey },
    );
    const links = list.data!.applications.nodes.flatMap((n) => (n.resume ? [n.resume.downloadUrl] : []));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      const url = new URL(link);
      signedLinks.push(url.search);
      expect((await inject('GET', url.pathname + url.search)).statusCode).toBe(200);
      // Tampered: the signature's first character changed (to B when it already was A, or the link would be unchanged one time in 64).
      const tampered = url.search.replace(/sig=(.)/, (_, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`);
      expect(tampered).not.toBe(url.search);
      expect((await inject('GET', `${url.pathname}${tampered}`)).statusCode).toBeGreaterThanOrEqual(400);
    }
    // Errors: an unknown route with credentials in the URL, a bad Lever key, a refused signed link.
    expect((await inject('GET', `/nowhere/${o.key}?key=${dataKey}&sig=abc`)).statusCode).toBe(404);

    const logs = t.rawLogs.join('');
    const lines = t.logs;
    const urls = lines.map((l) => (l.req as { url?: string } | undefined)?.url).filter((u): u is string => typeof u === 'string');
    // Nothing that opens a door is in the logs ...
    for (const secret of secrets) {
      expect(logs, 'a whole secret').not.toContain(secret);
      expect(logs, 'the body of a secret').not.toContain(secret.slice(4, 34));
    }
    // HTTP Basic carries the key base64-encoded, out of reach of a pattern: scanned for as sent.
    for (const secret of [o.key, unknownKey, dataKey]) expect(logs, 'a Basic credential').not.toContain(Buffer.from(`${secret}:`).toString('base64').slice(0, 40));
    for (const query of signedLinks) expect(logs).not.toContain(new URLSearchParams(query).get('sig')!);
    expect(logs).not.toMatch(SECRET_SHAPE);
    expect(logs).not.toMatch(CREDENTIAL_PARAM);
    // ... yet every kind of request was logged (the scan above is not vacuous).
    expect(urls.some((u) => u.startsWith(`${lever}?key=[redacted]`))).toBe(true);
    expect(urls.filter((u) => /^\/files\/[^?]+\?expires=\d+&sig=\[redacted\]$/.test(u)).length).toBeGreaterThanOrEqual(links.length);
    expect(urls.some((u) => u.startsWith('/v1/boards/'))).toBe(true);
    expect(urls.some((u) => u.startsWith('/jobs/'))).toBe(true);
    expect(urls.some((u) => u.startsWith('/feeds/'))).toBe(true);
    expect(urls.some((u) => u === '/uploads')).toBe(true);
    expect(urls).toContain('/jobs/[redacted]');
  });
});
