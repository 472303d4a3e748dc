import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../credentials/helpers';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { samples, upload } from './helpers';

const CAREERS = 'https://careers.acme.test';
const OTHER_SITE = 'https://jobs.globex.test';
const STRANGER = 'https://evil.test';

describe('CORS', () => {
  let t: TestApp;
  let acme: SeededOrg;
  let globex: SeededOrg;
  let acmeToken: string;

  async function allowOrigins(org: SeededOrg, origins: string[]): Promise<string> {
    const token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const res = await t.gql(
      `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`,
      { input: { allowedOrigins: origins } },
      { token },
    );
    expect(res.errors).toBeUndefined();
    return token;
  }

  function preflight(url: string, origin: string) {
    return t.app.inject({
      method: 'OPTIONS',
      url,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    acme = await createOrg(t);
    globex = await createOrg(t);
    acmeToken = await allowOrigins(acme, [CAREERS]);
    await allowOrigins(globex, [OTHER_SITE]);
  });
  afterAll(async () => t?.close());

  it.each(['/public/graphql', '/uploads'])('answers a preflight to %s from an allowed origin', async (url) => {
    const res = await preflight(url, CAREERS);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(CAREERS);
    expect(res.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
    expect(res.headers['access-control-allow-headers']).toBe('authorization, content-type, idempotency-key');
    expect(res.headers.vary).toMatch(/origin/i);
  });

  it.each(['/public/graphql', '/uploads'])('gives no CORS headers to a preflight to %s from an unlisted origin', async (url) => {
    const res = await preflight(url, STRANGER);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
    expect(res.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('never answers CORS on the admin API, even for an allowed origin', async () => {
    const pre = await preflight('/graphql', CAREERS);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const post = await t.gql('{ me { id } }', {}, { token: acmeToken, headers: { origin: CAREERS } });
    expect(post.status).toBe(200);
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the actual request only from an origin of the credential\'s own organization', async () => {
    const own = await upload(t, { token: acmeToken, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf, headers: { origin: CAREERS } });
    expect(own.status).toBe(201);
    expect(own.headers['access-control-allow-origin']).toBe(CAREERS);

    // Globex allows this origin, but the credential is Acme's.
    const foreign = await upload(t, { token: acmeToken, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf, headers: { origin: OTHER_SITE } });
    expect(foreign.status).toBe(201);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    const stranger = await upload(t, { token: acmeToken, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf, headers: { origin: STRANGER } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('follows settings changes at once on this instance', async () => {
    expect((await preflight('/uploads', 'https://new.acme.test')).headers['access-control-allow-origin']).toBeUndefined();
    await allowOrigins(acme, [CAREERS, 'https://new.acme.test']);
    expect((await preflight('/uploads', 'https://new.acme.test')).headers['access-control-allow-origin']).toBe('https://new.acme.test');
  });

  describe('on errors, so a browser sees the error instead of "Failed to fetch"', () => {
    it('a wrong key from an allowed origin gets a 401 with CORS headers', async () => {
      const res = await t.gql('{ organization { name } }', {}, { path: '/public/graphql', token: `jgp_${'a'.repeat(36)}`, headers: { origin: CAREERS } });
      expect(res.status).toBe(401);
      expect(res.headers['access-control-allow-origin']).toBe(CAREERS);
      expect(res.headers['access-control-expose-headers']).toMatch(/retry-after/);
    });

    it('a wrong key from an unlisted origin still gets none', async () => {
      const res = await t.gql('{ organization { name } }', {}, { path: '/public/graphql', token: `jgp_${'a'.repeat(36)}`, headers: { origin: STRANGER } });
      expect(res.status).toBe(401);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('a data key on the public API gets a 403 with CORS headers from its own organization\'s origin', async () => {
      const key = await createKey(t, acmeToken, { operations: ['organization.read'] });
      const res = await t.gql('{ organization { name } }', {}, { path: '/public/graphql', token: key.secret, headers: { origin: CAREERS } });
      expect(res.status).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBe(CAREERS);
    });

    it('a key over its rate limit gets a 429 with CORS headers', async () => {
      const key = await createKey(t, acmeToken, { operations: ['uploads.upload'], rateLimitPerMinute: 1 });
      const send = () => upload(t, { token: key.secret, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf, headers: { origin: CAREERS } });
      expect((await send()).status).toBe(201);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.headers['access-control-allow-origin']).toBe(CAREERS);
    });
  });
});
