import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { samples, upload } from './upload-fixtures';

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
});
