import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, orgWithTokens, PUBLIC, type OrgWithTokens } from '../postings/helpers';
import { pngBytes, upload } from '../uploads/helpers';
import { get, jsonLdOf } from './helpers';

let t: TestApp;
let o: OrgWithTokens;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  o = await orgWithTokens(t);
  ids.engineer = await createPosting(t, o.admin, {
    title: 'Platform Engineer',
    team: 'Engineering',
    commitment: 'Full-time',
    workplaceType: 'REMOTE',
    locations: [{ name: 'Berlin', city: 'Berlin', region: 'Berlin', countryCode: 'DE', postalCode: '10115' }],
    openingHtml: '<p>Opening words.</p>',
    descriptionHtml: '<p>Run <b>PostgreSQL</b>.</p>',
    lists: [{ title: 'You bring', contentHtml: '<ul><li>TypeScript</li></ul>' }],
    additionalHtml: '<p>Closing words.</p>',
    salaryRange: { min: 85000, max: 110000, currency: 'EUR', interval: 'PER_YEAR' },
    expiresAt: new Date(Date.now() + 30 * 864e5).toISOString(),
  });
  ids.designer = await createPosting(t, o.admin, { title: 'Product Designer <script>alert(1)</script>', team: 'Design', commitment: 'Part-time' });
  for (let i = 0; i < 22; i++) await createPosting(t, o.admin, { title: `Sales Rep ${i}`, team: 'Sales', commitment: 'Contract' });
  ids.draft = await createPosting(t, o.admin, { title: 'Draft role', state: 'DRAFT' });
  ids.internal = await createPosting(t, o.admin, { title: 'Internal role', state: 'INTERNAL' });
  ids.closed = await createPosting(t, o.admin, { title: 'Closed role', state: 'CLOSED' });
  ids.confidential = await createPosting(t, o.admin, { title: 'Secret role', confidential: true });
  ids.expired = await createPosting(t, o.admin, { title: 'Expired role', expiresAt: new Date(Date.now() - 864e5).toISOString() });
}, 120_000);

afterAll(() => t.close());

describe('GET /jobs/:slug (board)', () => {
  it('renders the organization, total, facet selects with counts, grouping by team and a Next link', async () => {
    const res = await get(t, `/jobs/${o.org.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html><html lang="en">/);
    expect(res.body).toContain(`Jobs at Org ${o.org.slug}`);
    expect(res.body).toContain('24 open jobs');
    expect(res.body).toContain('<option value="Sales">Sales (22)</option>');
    expect(res.body).toContain('<option value="Part-time">Part-time (1)</option>');
    expect(res.body).toMatch(/<h2 id="team-\d+">Sales<\/h2>/);
    expect(res.body).not.toContain('Draft role');
    expect(res.body).not.toContain('Secret role');
    const next = /<a href="([^"]+)">Next page →<\/a>/.exec(res.body)?.[1];
    expect(next).toMatch(/\?after=/);
    const page2 = await get(t, next!.replace(/&amp;/g, '&'));
    expect(page2.status).toBe(200);
    expect(page2.body).toContain('← Previous page');
    expect(page2.body).not.toContain('Next page');
    expect(page2.body).toMatch(/<h2 id="team-\d+">Engineering<\/h2>/);
    // Escaped, never raw.
    expect(page2.body).toContain('Product Designer &lt;script>alert(1)&lt;/script>');
    expect(page2.body).not.toContain('<script>alert');
    const previous = /<a href="([^"]+)">← Previous page<\/a>/.exec(page2.body)?.[1];
    const back = await get(t, previous!.replace(/&amp;/g, '&'));
    expect(back.body).toContain('Next page →');
    expect(back.body).not.toContain('Previous page');
  });

  it('filters by facet and searches by word prefix, keeping the state in the URL', async () => {
    const byTeam = await get(t, `/jobs/${o.org.slug}?team=Engineering&group=none`);
    expect(byTeam.body).toContain('1 open job match your filters');
    expect(byTeam.body).toContain('Platform Engineer');
    expect(byTeam.body).toContain('<option value="none" selected>');
    expect(byTeam.body).toContain('<option value="Engineering" selected>Engineering (1)</option>');
    const prefix = await get(t, `/jobs/${o.org.slug}?q=platf`);
    expect(prefix.body).toContain('1 open job match your filters');
    expect(prefix.body).toContain('value="platf"');
    const none = await get(t, `/jobs/${o.org.slug}?q=zzzqqq`);
    expect(none.body).toContain('No jobs match these filters');
    expect(none.body).toContain('Clear all filters');
  });

  it('answers a bad cursor with an HTML 400 that offers the first page', async () => {
    const res = await get(t, `/jobs/${o.org.slug}?after=garbage`);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Start from the first page');
  });

  it('answers an unknown slug and a switched-off board with the same HTML 404', async () => {
    const unknown = await get(t, '/jobs/no-such-org');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(unknown.body).toContain('There is no job board at this address');
    const other = await orgWithTokens(t);
    expect((await get(t, `/jobs/${other.org.slug}`)).status).toBe(200);
    const off = await t.gql(`mutation { updateOrganizationSettings(input: { careersPageEnabled: false }) { settings { careersPageEnabled } } }`, {}, { token: other.admin });
    expect(off.errors).toBeUndefined();
    const disabled = await get(t, `/jobs/${other.org.slug}`);
    expect(disabled.status).toBe(404);
    expect(disabled.body).toBe(unknown.body);
  });

  it('caches like the public API: ETag/304, HIT, and invalidation on a postings write', async () => {
    const url = `/jobs/${o.org.slug}?team=Design`;
    const first = await get(t, url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"/);
    const second = await get(t, url);
    expect(second.headers['x-cache']).toBe('HIT');
    expect((await get(t, url, { 'if-none-match': etag })).status).toBe(304);
    await t.gql(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Senior Product Designer" }) { id } }`, { id: ids.designer }, { token: o.admin });
    const after = await get(t, url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body).toContain('Senior Product Designer');
  });

  it('sends a strict CSP, Referrer-Policy and framing rules from the allowed origins', async () => {
    const before = await get(t, `/jobs/${o.org.slug}`);
    const csp = String(before.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(before.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(before.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    await t.gql(`mutation { updateOrganizationSettings(input: { allowedOrigins: ["https://careers.example.com"] }) { id } }`, {}, { token: o.admin });
    const after = await get(t, `/jobs/${o.org.slug}`);
    expect(String(after.headers['content-security-policy'])).toContain("frame-ancestors 'self' https://careers.example.com");
    expect(after.headers['x-frame-options']).toBeUndefined();
  });
});

describe('GET /jobs/:slug/:postingId', () => {
  it('shows the content in reading order with canonical, OpenGraph and a hashed JSON-LD JobPosting', async () => {
    const res = await get(t, `/jobs/${o.org.slug}/${ids.engineer}`);
    expect(res.status).toBe(200);
    const order = ['<h1>Platform Engineer</h1>', '€85,000 – €110,000 per year', 'Opening words.', 'Run <b>PostgreSQL</b>.', '>You bring</h2>', '<li>TypeScript</li>', 'Closing words.'];
    const article = res.body.slice(res.body.indexOf('<article>'));
    const positions = order.map((s) => article.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(res.body).toContain(`href="/jobs/${o.org.slug}/${ids.engineer}/apply"`);
    const canonical = `${t.services.config.publicUrl}/jobs/${o.org.slug}/${ids.engineer}`;
    expect(res.body).toContain(`<link rel="canonical" href="${canonical}"/>`);
    expect(res.body).toContain('<meta property="og:title" content="Platform Engineer – Org');
    expect(res.body).toContain('<meta name="twitter:card" content="summary"/>');
    const ld = jsonLdOf(res.body);
    expect(ld).toMatchObject({
      '@type': 'JobPosting',
      title: 'Platform Engineer',
      employmentType: 'FULL_TIME',
      directApply: true,
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [{ '@type': 'Country', name: 'DE' }],
      identifier: { '@type': 'PropertyValue', value: ids.engineer },
      jobLocation: [{ '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'DE', addressLocality: 'Berlin', addressRegion: 'Berlin', postalCode: '10115' } }],
      baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 85000, maxValue: 110000, unitText: 'YEAR' } },
    });
    expect(typeof ld.validThrough).toBe('string');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });

  it('answers every invisible posting with the same HTML 404 as an unknown id', async () => {
    const unknown = await get(t, `/jobs/${o.org.slug}/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    for (const state of ['draft', 'internal', 'closed', 'confidential', 'expired']) {
      const res = await get(t, `/jobs/${o.org.slug}/${ids[state]}`);
      expect(res.status, state).toBe(404);
      expect(res.body, state).toBe(unknown.body);
      expect((await get(t, `/jobs/${o.org.slug}/${ids[state]}/apply`)).status, `${state} form`).toBe(404);
    }
    expect((await get(t, `/jobs/${o.org.slug}/not-a-uuid`)).status).toBe(404);
  });

  it('is where the public API and the feed point', async () => {
    const res = await t.gql<{ posting: { hostedUrl: string; applyUrl: string } }>(`query($id: ID!) { posting(id: $id) { hostedUrl applyUrl } }`, { id: ids.engineer }, { token: o.key, path: PUBLIC });
    const base = t.services.config.publicUrl;
    for (const url of [res.data!.posting.hostedUrl, res.data!.posting.applyUrl]) {
      expect(url.startsWith(base)).toBe(true);
      expect((await get(t, url.slice(base.length))).status).toBe(200);
    }
    const feed = await get(t, `/feeds/${o.org.slug}.xml`);
    const feedUrls = [...feed.body.matchAll(/<url><!\[CDATA\[(.*?)\]\]><\/url>/g)].map((m) => m[1]!);
    expect(feedUrls.length).toBeGreaterThan(0);
    for (const url of feedUrls.slice(0, 3)) expect((await get(t, url.slice(base.length))).status).toBe(200);
  });
});

describe('discovery', () => {
  it('lists the board and every visible posting in the sitemap, with lastmod', async () => {
    const res = await get(t, `/jobs/${o.org.slug}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body).toContain(`<loc>${t.services.config.publicUrl}/jobs/${o.org.slug}/${ids.engineer}</loc><lastmod>`);
    expect(res.body).not.toContain(ids.draft);
    expect(res.body).not.toContain(ids.confidential);
    expect(res.body.match(/<url>/g)).toHaveLength(25);
  });

  it('serves robots.txt with the sitemaps and a landing page at /', async () => {
    const robots = await get(t, '/robots.txt');
    expect(robots.body).toContain(`Sitemap: ${t.services.config.publicUrl}/jobs/${o.org.slug}/sitemap.xml`);
    expect(robots.body).toContain('Disallow: /jobs/*/apply');
    const landing = await get(t, '/');
    expect(landing.status).toBe(200);
    expect(landing.body).toContain('Jobgate is running');
    expect(landing.body).toContain('href="/admin"');
    expect((await get(t, '/docs/schema/public.graphql')).body).toContain('type Query');
  });

  it('sets the logo (a PNG upload) and the intro, shown on the board and in JSON-LD', async () => {
    const staged = await upload(t, { token: o.admin, purpose: 'LOGO', bytes: pngBytes(), filename: 'logo.png' });
    const set = await t.gql(`mutation($id: ID) { setOrganizationLogo(uploadId: $id) { settings { logoFileId } } }`, { id: staged.body.id }, { token: o.admin });
    expect(set.errors).toBeUndefined();
    const intro = await t.gql(`mutation { updateOrganizationSettings(input: { intro: "We build <things>." }) { settings { intro } } }`, {}, { token: o.admin });
    expect(intro.errors).toBeUndefined();
    const board = await get(t, `/jobs/${o.org.slug}`);
    expect(board.body).toContain('<p class="intro">We build &lt;things>.</p>');
    expect(board.body).toContain(`src="/jobs/${o.org.slug}/logo.png"`);
    const logo = await get(t, `/jobs/${o.org.slug}/logo.png`);
    expect(logo.status).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    const ld = jsonLdOf((await get(t, `/jobs/${o.org.slug}/${ids.engineer}`)).body);
    expect((ld.hiringOrganization as Record<string, unknown>).logo).toBe(`${t.services.config.publicUrl}/jobs/${o.org.slug}/logo.png`);
    const tooLong = await t.gql(`mutation($i: String) { updateOrganizationSettings(input: { intro: $i }) { id } }`, { i: 'x'.repeat(1001) }, { token: o.admin });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'intro' });
  });
});
