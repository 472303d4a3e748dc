/* eslint-disable @typescript-eslint/no-explicit-any -- JSON from four surfaces, compared field by field */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, get, orgWithTokens, PUBLIC } from './helpers';

describe('one posting, four surfaces', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('GraphQL, Lever v0, Greenhouse and the feed agree on title, places, salary and text', async () => {
    const o = await orgWithTokens(t);
    const id = await createPosting(t, o.admin, {
      title: 'Principal Engineer',
      locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }, { name: 'Lisbon', city: 'Lisbon', countryCode: 'PT' }],
      openingHtml: '<p>Opening words.</p>',
      descriptionHtml: '<p>The body of the job.</p>',
      additionalHtml: '<p>Closing words.</p>',
      salaryRange: { min: 100000, max: 130000, currency: 'EUR', interval: 'PER_YEAR' },
    });
    const gql = await t.gql<{ posting: Record<string, any> }>(
      `query($id: ID!) { posting(id: $id) { title locations { name } salaryRange { min max currency interval } openingHtml descriptionHtml descriptionPlain additionalHtml hostedUrl } }`,
      { id },
      { token: o.key, path: PUBLIC },
    );
    const g = gql.data!.posting;
    const lever = (await get(t, `/v0/postings/${o.org.slug}/${id}`)).body;
    const jobs = (await get(t, `/v1/boards/${o.org.slug}/jobs?content=true`)).body.jobs as Record<string, any>[];
    const ghJob = jobs.find((j) => j.absolute_url === g.hostedUrl)!;
    const ghFull = (await get(t, `/v1/boards/${o.org.slug}/jobs/${ghJob.id}?pay_transparency=true`)).body;
    const feedXml = (await t.app.inject({ method: 'GET', url: `/feeds/${o.org.slug}.xml` })).body;
    const feedJobs = [new XMLParser({ cdataPropName: false }).parse(feedXml).source.job].flat() as Record<string, any>[];

    // Title
    expect(lever.text).toBe(g.title);
    expect(ghFull.title).toBe(g.title);
    for (const job of feedJobs) expect(job.title).toBe(g.title);
    // Places: every location, in order
    const places = g.locations.map((l: { name: string }) => l.name);
    expect(lever.categories.allLocations).toEqual(places);
    expect(lever.categories.location).toBe(places[0]);
    expect(ghFull.location.name).toBe(places[0]);
    expect(ghFull.offices.map((x: { name: string }) => x.name)).toEqual(places);
    expect(feedJobs.map((j) => j.city).sort()).toEqual(['Berlin', 'Lisbon']);
    // Salary
    expect(lever.salaryRange).toEqual({ currency: 'EUR', interval: 'per-year-salary', min: g.salaryRange.min, max: g.salaryRange.max });
    expect(ghFull.pay_input_ranges[0]).toMatchObject({ min_cents: g.salaryRange.min * 100, max_cents: g.salaryRange.max * 100, currency_type: 'EUR' });
    for (const job of feedJobs) expect(String(job.salary)).toMatch(/100[,.]?000.*130[,.]?000/);
    // Text
    expect(lever.opening).toBe(g.openingHtml);
    expect(lever.descriptionBody).toBe(g.descriptionHtml);
    expect(lever.additional).toBe(g.additionalHtml);
    expect(lever.descriptionBodyPlain).toBe(g.descriptionPlain);
    const unescaped = ghFull.content.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(unescaped).toBe(g.openingHtml + g.descriptionHtml + g.additionalHtml);
    for (const job of feedJobs) {
      expect(job.description).toContain('Opening words.');
      expect(job.description).toContain('The body of the job.');
      expect(job.description).toContain('Closing words.');
    }
    // Links
    expect(lever.hostedUrl).toBe(g.hostedUrl);
    expect(ghFull.absolute_url).toBe(g.hostedUrl);
    for (const job of feedJobs) expect(job.url).toBe(g.hostedUrl);
  });
});
