import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeOrigin } from '../../src/http/origin';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, orgWithTokens, type OrgWithTokens } from '../postings/helpers';

const SETTINGS = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { settings { allowedOrigins feedEnabled } } }`;

let t: TestApp;
const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

describe('allowedOrigins: exact origins only', () => {
  let o: OrgWithTokens;
  beforeAll(async () => {
    o = await orgWithTokens(t);
  });

  const refused = [
    'https://*.evil.com',
    '*',
    'https://*',
    'https://careers.example.com/jobs',
    'https://careers.example.com?x=1',
    'https://careers.example.com#top',
    'https://user:pw@careers.example.com',
    'https://user@careers.example.com',
    'ftp://careers.example.com',
    'javascript:alert(1)',
    'careers.example.com',
    'https://careers.example.com; script-src *',
    'https://careers .example.com',
    'https://careers..example.com',
    'https://careers.example.com:99999',
    'https://careers.example.com\\@evil.com',
    'https:careers.example.com',
  ];
  for (const bad of refused) {
    it(`refuses ${JSON.stringify(bad)} with BAD_USER_INPUT naming allowedOrigins[1]; nothing changes`, async () => {
      const before = await sql('select settings from organizations where id = ?', [o.org.organizationId]);
      const res = await t.gql(SETTINGS, { input: { allowedOrigins: ['https://ok.example.com', bad], feedEnabled: false } }, { token: o.admin });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors?.[0])).toContain('allowedOrigins[1]');
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|node_modules|INTERNAL/);
      expect(await sql('select settings from organizations where id = ?', [o.org.organizationId])).toEqual(before);
    });
  }

  it('stores origins the way browsers send them: lower case, no default port, punycode, no trailing slash, no duplicates', async () => {
    const res = await t.gql<{ updateOrganizationSettings: { settings: { allowedOrigins: string[] } } }>(
      SETTINGS,
      { input: { allowedOrigins: ['HTTPS://Careers.Example.COM:443', 'https://careers.example.com/', 'http://localhost:80', 'https://bücher.example', 'http://127.0.0.1:8080', 'http://[::1]:3000'] } },
      { token: o.admin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateOrganizationSettings.settings.allowedOrigins).toEqual([
      'https://careers.example.com',
      'http://localhost',
      'https://xn--bcher-kva.example',
      'http://127.0.0.1:8080',
      'http://[::1]:3000',
    ]);
  });

  it('normalizeOrigin keeps exact origins as they are', () => {
    for (const good of ['https://careers.example.com', 'http://localhost:3000', 'https://xn--bcher-kva.example', 'http://[::1]:3000']) expect(normalizeOrigin(good)).toBe(good);
  });
});

describe('a bad value stored before the rule never reaches frame-ancestors or CORS', () => {
  let o: OrgWithTokens;
  let postingId: string;
  beforeAll(async () => {
    o = await orgWithTokens(t);
    postingId = await createPosting(t, o.admin, { title: 'Framed role' });
    // As an older release could have stored them (the WHATWG URL parser accepts `*` in a host).
    await sql(`update organizations set settings = jsonb_set(settings, '{allowed_origins}', ?::jsonb) where id = ?`, [
      JSON.stringify(['https://*.evil.com', 'https://good.example.com', 'https://x.example.com; script-src *', 42]),
      o.org.organizationId,
    ]);
    t.services.publicCache.clear();
  });

  it('hosted pages list only the exact origin', async () => {
    for (const path of [`/jobs/${o.org.slug}`, `/jobs/${o.org.slug}/${postingId}`, `/jobs/${o.org.slug}/${postingId}/apply`]) {
      const res = await t.app.inject({ method: 'GET', url: path });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'self' https://good.example.com;");
      expect(csp).not.toContain('evil');
      expect(csp).not.toContain('script-src *');
    }
  });

  it("Lever's iframe mode lists only the exact origin", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/v0/postings/${o.org.slug}?mode=iframe` });
    expect(res.headers['content-security-policy']).toBe('frame-ancestors https://good.example.com');
  });

  it('CORS never answers the wildcard entry', async () => {
    const evil = await t.app.inject({ method: 'GET', url: `/v0/postings/${o.org.slug}`, headers: { origin: 'https://*.evil.com' } });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const good = await t.app.inject({ method: 'GET', url: `/v0/postings/${o.org.slug}`, headers: { origin: 'https://good.example.com' } });
    expect(good.headers['access-control-allow-origin']).toBe('https://good.example.com');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/public/graphql',
      headers: { origin: 'https://*.evil.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
