import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptionHtml } from '../../src/modules/dialects/indeed/description-html';
import { jobTypeFor } from '../../src/modules/dialects/indeed/job-type';
import { distinctLocations, referenceNumber } from '../../src/modules/dialects/indeed/reference-number';
import { salaryText } from '../../src/modules/dialects/indeed/salary-text';
import { hostedUrl } from '../../src/modules/postings/posting-urls';
import type { Posting } from '../../src/modules/postings/posting.entity';
import { createOrg, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPostings, getFeed, leverPostingInputs, parseFeed, updatePosting, type FeedJob } from './helpers';

let t: TestApp;
let org: SeededOrg;
let postings: Posting[];

beforeAll(async () => {
  t = await startTestApp();
  org = await createOrg(t);
  postings = await createPostings(t, org.organizationId, leverPostingInputs());
});
afterAll(() => t.close());

describe('GET /feeds/:slug.xml conformance', () => {
  it('serves the Indeed document with every public posting × location exactly once and the right fields', async () => {
    const res = await getFeed(t, org.slug);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<source>')).toBe(true);

    const feed = parseFeed(res.body);
    expect(feed.publisher).toBe(`Org ${org.slug}`);
    expect(feed.publisherurl).toBe(`${t.services.config.publicUrl}/jobs/${org.slug}`);
    expect(new Date(feed.lastBuildDate).toUTCString()).toBe(feed.lastBuildDate);

    const jobs = feed.job ?? [];
    const expectedCount = postings.reduce((n, p) => n + distinctLocations(p.locations).length, 0);
    expect(expectedCount).toBeGreaterThan(postings.length); // some are multi-location
    expect(jobs).toHaveLength(expectedCount);
    const byReference = new Map<string, FeedJob>(jobs.map((j) => [j.referencenumber, j]));
    expect(byReference.size).toBe(jobs.length);

    for (const p of postings) {
      for (const place of distinctLocations(p.locations)) {
        const job = byReference.get(referenceNumber(p.id, place));
        expect(job, `${p.title} @ ${place?.name}`).toBeDefined();
        const expected: FeedJob = {
          title: p.title,
          date: p.publishedAt!.toUTCString(),
          referencenumber: referenceNumber(p.id, place),
          requisitionid: p.requisitionCode!,
          url: hostedUrl({ slug: org.slug, careersSiteUrl: null }, t.services.config.publicUrl, p.id),
          company: `Org ${org.slug}`,
          city: place!.city!,
          state: place!.region!,
          country: place!.countryCode!,
          ...(place!.postalCode ? { postalcode: place!.postalCode } : {}),
          description: descriptionHtml(p),
          ...(salaryText(p.salaryRange, p.salaryDescription) ? { salary: salaryText(p.salaryRange, p.salaryDescription)! } : {}),
          jobtype: jobTypeFor(p.commitment)!,
          category: p.department ? `${p.team} / ${p.department}` : p.team!,
          ...(p.workplaceType === 'REMOTE' ? { remotetype: 'Fully remote' } : p.workplaceType === 'HYBRID' ? { remotetype: 'Hybrid remote' } : {}),
          ...(p.expiresAt ? { expirationdate: p.expiresAt.toUTCString() } : {}),
        };
        expect(job).toEqual(expected);
      }
    }
  });

  it('writes the description as the full HTML: opening, description, lists and additional', async () => {
    const feed = parseFeed((await getFeed(t, org.slug)).body);
    const p = postings[1];
    const job = feed.job!.find((j) => j.referencenumber === referenceNumber(p.id, p.locations[0]))!;
    expect(job.description).toContain(p.descriptionHtml!);
    for (const list of p.lists) expect(job.description).toContain(`<ul>${list.contentHtml}</ul>`);
    expect(job.description).toContain(p.additionalHtml!);
    expect(job.salary).toBe(`USD ${p.salaryRange!.min}–${p.salaryRange!.max} per year`);
  });

  it('keeps every referencenumber when locations are reordered and the posting is edited', async () => {
    const before = new Set(parseFeed((await getFeed(t, org.slug)).body).job!.map((j) => j.referencenumber));
    const multi = postings[0];
    await updatePosting(t, org.organizationId, multi.id, { locations: [...multi.locations].reverse(), title: `${multi.title} (updated)` });
    const after = parseFeed((await getFeed(t, org.slug)).body).job!;
    expect(new Set(after.map((j) => j.referencenumber))).toEqual(before);
    expect(after.filter((j) => j.title === `${multi.title} (updated)`)).toHaveLength(3);
  });

  it('uses the careers site for the publisher and job urls when one is set', async () => {
    await t.orm.em.getConnection().execute(
      `update organizations set settings = jsonb_set(settings, '{careers_site_url}', to_jsonb(?::text)), settings_version = settings_version + 1 where id = ?`,
      ['https://careers.example.com/', org.organizationId],
    );
    const feed = parseFeed((await getFeed(t, org.slug)).body);
    expect(feed.publisherurl).toBe('https://careers.example.com/');
    for (const job of feed.job!) expect(job.url).toMatch(/^https:\/\/careers\.example\.com\/[0-9a-f-]{36}$/);
  });
});
