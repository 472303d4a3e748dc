import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPostings } from '../../src/modules/postings/demo-postings';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, get, importLeverFixture, leverFixture, orgWithTokens, setSettings, setState } from './helpers';

const LEVER_KEYS = [
  'additional', 'additionalPlain', 'applyUrl', 'categories', 'country', 'createdAt', 'description', 'descriptionBody', 'descriptionBodyPlain',
  'descriptionPlain', 'hostedUrl', 'id', 'lists', 'opening', 'openingPlain', 'text', 'workplaceType',
];

describe('Lever Postings API v0: reads', () => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof orgWithTokens>>;
  let paid: string;
  beforeAll(async () => {
    t = await startTestApp();
    o = await orgWithTokens(t);
    paid = await createPosting(t, o.admin, {
      title: 'Staff Engineer',
      team: 'Platform',
      department: 'R&D',
      commitment: 'Full-time',
      level: 'Staff',
      workplaceType: 'HYBRID',
      locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }, { name: 'Lisbon', countryCode: 'PT' }],
      openingHtml: '<p>Hello.</p>',
      descriptionHtml: '<p>Build <strong>things</strong>.</p>',
      additionalHtml: '<p>Bye.</p>',
      lists: [{ title: 'You bring', contentHtml: '<li>TypeScript</li>' }],
      salaryRange: { min: 90000, max: 120000, currency: 'EUR', interval: 'PER_YEAR' },
      salaryDescription: 'Plus equity.',
    });
    await createPosting(t, o.admin, { title: 'Designer', team: 'Design', commitment: 'Part-time', locations: [{ name: 'Lisbon', countryCode: 'PT' }] });
    await createPosting(t, o.admin, { title: 'Intern', team: 'Platform', commitment: 'Intern', locations: [{ name: 'Remote' }] });
  });
  afterAll(async () => t?.close());

  it('serves the full posting object, field by field', async () => {
    const res = await get(t, `/v0/postings/${o.org.slug}/${paid}`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(Object.keys(p).sort()).toEqual([...LEVER_KEYS, 'salaryDescription', 'salaryDescriptionPlain', 'salaryRange'].sort());
    expect(p).toMatchObject({
      id: paid,
      text: 'Staff Engineer',
      categories: { location: 'Berlin', commitment: 'Full-time', team: 'Platform', department: 'R&D', level: 'Staff', allLocations: ['Berlin', 'Lisbon'] },
      country: 'DE',
      workplaceType: 'hybrid',
      salaryRange: { currency: 'EUR', interval: 'per-year-salary', min: 90000, max: 120000 },
      salaryDescription: 'Plus equity.',
      opening: '<p>Hello.</p>',
      openingPlain: 'Hello.',
      description: '<p>Hello.</p><p>Build <strong>things</strong>.</p>',
      descriptionBody: '<p>Build <strong>things</strong>.</p>',
      descriptionBodyPlain: 'Build things.',
      lists: [{ text: 'You bring', content: '<li>TypeScript</li>' }],
      additional: '<p>Bye.</p>',
      additionalPlain: 'Bye.',
      hostedUrl: expect.stringMatching(new RegExp(`/jobs/${o.org.slug}/${paid}$`)),
      applyUrl: expect.stringMatching(new RegExp(`/jobs/${o.org.slug}/${paid}/apply$`)),
    });
    expect(p.descriptionPlain).toContain('Hello.');
    expect(p.descriptionPlain).toContain('Build things.');
    expect(typeof p.createdAt).toBe('number');
    expect(Math.abs(p.createdAt - Date.now())).toBeLessThan(60 * 60 * 1000);
  });

  it('lists with skip/limit, ORs repeated filters, ANDs different ones, and groups', async () => {
    const all = await get(t, `/v0/postings/${o.org.slug}`);
    expect(all.status).toBe(200);
    expect(all.body.map((p: { text: string }) => p.text).sort()).toEqual(['Designer', 'Intern', 'Staff Engineer']);
    for (const p of all.body) expect(Object.keys(p)).toEqual(expect.arrayContaining(LEVER_KEYS));

    const page = await get(t, `/v0/postings/${o.org.slug}?skip=1&limit=1`);
    expect(page.body).toHaveLength(1);
    expect(page.body[0].id).toBe(all.body[1].id);

    const ored = await get(t, `/v0/postings/${o.org.slug}?commitment=Full-time&commitment=Intern`);
    expect(ored.body.map((p: { text: string }) => p.text).sort()).toEqual(['Intern', 'Staff Engineer']);
    const anded = await get(t, `/v0/postings/${o.org.slug}?team=Platform&location=Remote`);
    expect(anded.body.map((p: { text: string }) => p.text)).toEqual(['Intern']);
    // A multi-location posting matches any of its locations (a Lever user request).
    const lisbon = await get(t, `/v0/postings/${o.org.slug}?location=Lisbon`);
    expect(lisbon.body.map((p: { text: string }) => p.text).sort()).toEqual(['Designer', 'Staff Engineer']);
    const dept = await get(t, `/v0/postings/${o.org.slug}?department=R%26D&level=Staff`);
    expect(dept.body.map((p: { text: string }) => p.text)).toEqual(['Staff Engineer']);

    const grouped = await get(t, `/v0/postings/${o.org.slug}?group=team`);
    expect(grouped.body.map((g: { title: string }) => g.title)).toEqual(['Design', 'Platform']);
    expect(grouped.body[1].postings.map((p: { text: string }) => p.text).sort()).toEqual(['Intern', 'Staff Engineer']);
  });

  it('renders html and iframe modes; the iframe may be framed only by the allowed origins', async () => {
    const html = await get(t, `/v0/postings/${o.org.slug}?mode=html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toMatch(/^<div class='lever'><ul/);
    expect(html.text).toContain('Staff Engineer');
    const byAccept = await get(t, `/v0/postings/${o.org.slug}`, { accept: 'text/html' });
    expect(byAccept.text).toMatch(/^<div class='lever'>/);

    const none = await get(t, `/v0/postings/${o.org.slug}?mode=iframe&css=https://careers.example.com/jobs.css`);
    expect(none.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(none.text).toContain('<!DOCTYPE html>');
    expect(none.text).toContain('<link rel="stylesheet" href="https://careers.example.com/jobs.css">');
    await setSettings(t, o.admin, { allowedOrigins: ['https://careers.example.com'] });
    const allowed = await get(t, `/v0/postings/${o.org.slug}?mode=iframe&resize=https://careers.example.com/resize.html`);
    expect(allowed.headers['content-security-policy']).toBe('frame-ancestors https://careers.example.com');
    expect(allowed.text).toContain('resize.html');
  });

  it('answers CORS like the public API: only the organization\'s allowed origins', async () => {
    await setSettings(t, o.admin, { allowedOrigins: ['https://careers.example.com'] });
    const ok = await get(t, `/v0/postings/${o.org.slug}`, { origin: 'https://careers.example.com' });
    expect(ok.headers['access-control-allow-origin']).toBe('https://careers.example.com');
    const other = await get(t, `/v0/postings/${o.org.slug}`, { origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/v0/postings/${o.org.slug}/${paid}`,
      headers: { origin: 'https://careers.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://careers.example.com');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('every hidden posting, unknown id, unknown site and a switched-off dialect is 404 Document not found', async () => {
    const hidden = {
      draft: await createPosting(t, o.admin, { title: 'Draft', state: 'DRAFT' }),
      internal: await createPosting(t, o.admin, { title: 'Internal', state: 'INTERNAL' }),
      confidential: await createPosting(t, o.admin, { title: 'Secret', confidential: true }),
      expired: await createPosting(t, o.admin, { title: 'Expired', expiresAt: new Date(Date.now() - 1000).toISOString() }),
      closed: await createPosting(t, o.admin, { title: 'Closed' }),
    };
    await setState(t, o.admin, hidden.closed, 'CLOSED');
    const list = await get(t, `/v0/postings/${o.org.slug}`);
    const titles = list.body.map((p: { text: string }) => p.text);
    for (const [name, id] of Object.entries(hidden)) {
      const res = await get(t, `/v0/postings/${o.org.slug}/${id}`);
      expect(res.status, name).toBe(404);
      expect(res.body).toEqual({ ok: false, error: 'Document not found' });
      expect(titles).not.toContain(name);
    }
    for (const url of [`/v0/postings/${o.org.slug}/not-a-uuid`, `/v0/postings/no-such-site-here`, `/v0/postings/NO_SUCH/${paid}`]) {
      const res = await get(t, url);
      expect(res.status, url).toBe(404);
      expect(res.body).toEqual({ ok: false, error: 'Document not found' });
    }
    const other = await orgWithTokens(t);
    expect((await get(t, `/v0/postings/${other.org.slug}/${paid}`)).status).toBe(404);

    await setSettings(t, o.admin, { leverApiEnabled: false });
    expect((await get(t, `/v0/postings/${o.org.slug}`)).body).toEqual({ ok: false, error: 'Document not found' });
    expect((await get(t, `/v0/postings/${o.org.slug}/${paid}`)).status).toBe(404);
    await setSettings(t, o.admin, { leverApiEnabled: true });
    expect((await get(t, `/v0/postings/${o.org.slug}/${paid}`)).status).toBe(200);
  });

  it('refuses bad parameters in Lever\'s error shape, never 5xx', async () => {
    for (const q of ['skip=-1', 'limit=abc', 'limit=100000', 'mode=xml', 'group=level', 'skip=9999&limit=1000', 'skip=1&skip=2']) {
      const res = await get(t, `/v0/postings/${o.org.slug}?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.ok, q).toBe(false);
      expect(typeof res.body.error, q).toBe('string');
    }
  });

  it('is served from the public response cache and invalidated by a postings write', async () => {
    const first = await get(t, `/v0/postings/${o.org.slug}?limit=50`);
    const second = await get(t, `/v0/postings/${o.org.slug}?limit=50`);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.text).toBe(first.text);
    await createPosting(t, o.admin, { title: 'Fresh one' });
    const third = await get(t, `/v0/postings/${o.org.slug}?limit=50`);
    expect(third.headers['x-cache']).toBe('MISS');
    expect(third.body.map((p: { text: string }) => p.text)).toContain('Fresh one');
  });

  it('serves the Lever fixture, imported through the admin API, with Lever\'s own text, categories, lists and closing', async () => {
    const f = await orgWithTokens(t);
    const ids = await importLeverFixture(t, f.admin);
    const list = await get(t, `/v0/postings/${f.org.slug}`);
    expect(list.body).toHaveLength(leverFixture().length);
    for (const original of leverFixture()) {
      const ours = (await get(t, `/v0/postings/${f.org.slug}/${ids.get(original.id)}`)).body;
      expect(ours.text).toBe(original.text);
      expect(ours.categories.team).toBe(original.categories.team ?? null);
      expect(ours.categories.commitment).toBe(original.categories.commitment ?? null);
      expect(ours.categories.location).toBe(original.categories.location ?? 'Unspecified');
      expect(ours.lists.map((l: { text: string }) => l.text)).toEqual(original.lists.map((l) => l.text.trim()));
      expect(ours.lists.length).toBe(original.lists.length);
      // Sanitized on write, so compare the text rather than the markup.
      expect(ours.descriptionPlain.replace(/\s+/g, ' ').trim().slice(0, 80)).toBe(original.descriptionPlain.replace(/\s+/g, ' ').trim().slice(0, 80));
      expect(Object.keys(ours)).toEqual(expect.arrayContaining(LEVER_KEYS));
    }
    const teams = new Set(leverFixture().map((p) => p.categories.team).filter(Boolean));
    const grouped = await get(t, `/v0/postings/${f.org.slug}?group=team`);
    expect(new Set(grouped.body.map((g: { title: string }) => g.title))).toEqual(teams);
  });

  it('serves the demo data', async () => {
    const d = await orgWithTokens(t);
    await seedDemoPostings(t.services, d.org.organizationId);
    const gql = await t.gql<{ postings: { totalCount: number } }>(`{ postings(first: 1) { totalCount } }`, {}, { token: d.key, path: '/public/graphql' });
    const list = await get(t, `/v0/postings/${d.org.slug}`);
    expect(list.body).toHaveLength(gql.data!.postings.totalCount);
    const remote = await get(t, `/v0/postings/${d.org.slug}?group=location`);
    expect(remote.body.length).toBeGreaterThan(1);
  });
});
