import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedStream } from '../../src/modules/dialects/indeed/feed-stream';
import { jobElements, postingJobsXml } from '../../src/modules/dialects/indeed/feed-job';
import type { FeedPosting } from '../../src/modules/dialects/indeed/feed-posting';
import { isNotModified as decide } from '../../src/http/conditional-get';
import { feedEtag, feedLastModified, type FeedState } from '../../src/modules/dialects/indeed/feed-validators';

const isNotModified = (headers: Record<string, string>, etag: string, lastModified: Date) => decide(headers, { etag, lastModified });
import { createFeedXmlBuilder } from '../../src/modules/dialects/indeed/feed-xml-builder';
import { jobTypeFor } from '../../src/modules/dialects/indeed/job-type';
import { distinctLocations, referenceNumber } from '../../src/modules/dialects/indeed/reference-number';
import { salaryText } from '../../src/modules/dialects/indeed/salary-text';
import { stripForbiddenXmlChars, xmlText } from '../../src/modules/dialects/indeed/xml-text';

const parser = new XMLParser({ trimValues: false, parseTagValue: false, isArray: (name) => name === 'job' });

function posting(overrides: Partial<FeedPosting> = {}): FeedPosting {
  return {
    id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    title: 'Account Executive',
    requisitionCode: 'REQ-1',
    team: 'Sales',
    department: 'Revenue',
    commitment: 'Full-time',
    level: 'Senior',
    workplaceType: 'HYBRID',
    locations: [{ name: 'San Francisco', city: 'San Francisco', region: 'CA', countryCode: 'US', postalCode: '94105' }],
    openingHtml: '<p>Hello</p>',
    descriptionHtml: '<p>Sell</p>',
    additionalHtml: '<p>Bye</p>',
    lists: [{ title: 'You & us', contentHtml: '<li>One</li>' }],
    salaryRange: { min: 120000, max: 150000, currency: 'USD', interval: 'PER_YEAR' },
    salaryDescription: 'Plus equity',
    publishedAt: new Date('2026-01-02T03:04:05Z'),
    expiresAt: new Date('2026-12-31T00:00:00Z'),
    hostedUrl: 'https://jobs.example.com/acme/7c9e6679',
    ...overrides,
  };
}

async function collect(posts: FeedPosting[][]): Promise<{ text: string; chunks: number }> {
  async function* batches() {
    for (const b of posts) yield b;
  }
  const parts: Buffer[] = [];
  await pipeline(
    feedStream({ name: 'Acme & Co', url: 'https://acme.example', lastBuildDate: new Date('2026-02-01T00:00:00Z') }, batches()),
    new Writable({
      write(chunk: Buffer, _e, done) {
        parts.push(chunk);
        done();
      },
    }),
  );
  return { text: Buffer.concat(parts).toString('utf8'), chunks: parts.length };
}

describe('forbidden XML characters', () => {
  it('removes C0 controls except tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates, and keeps the rest', () => {
    expect(stripForbiddenXmlChars('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg')).toBe('abcdefg');
    expect(stripForbiddenXmlChars('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
    expect(stripForbiddenXmlChars('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(stripForbiddenXmlChars('lone \uD83D high, lone \uDE00 low')).toBe('lone  high, lone  low');
    expect(stripForbiddenXmlChars('emoji 😀 rtl עברית \u202E ok')).toBe('emoji 😀 rtl עברית \u202E ok');
    expect(stripForbiddenXmlChars('\uDE00\uD83D')).toBe(''); // reversed pair: both unpaired
  });

  it('writes line ends as LF, which is what any XML parser reads back', () => {
    expect(xmlText('a\r\nb\rc\nd\u0001')).toBe('a\nb\nc\nd');
  });
});

describe('jobtype mapping', () => {
  it.each([
    ['Full-time', 'fulltime'],
    ['Full Time', 'fulltime'],
    ['Permanent', 'fulltime'],
    ['Part-time', 'parttime'],
    ['Contract', 'contract'],
    ['Contractor', 'contract'],
    ['Freelance', 'contract'],
    ['Intern', 'internship'],
    ['Full-time Internship', 'internship'],
    ['Temporary', 'temporary'],
    ['Seasonal', 'temporary'],
    ['Fixed-term', 'temporary'],
    ['Part-time contract', 'contract'],
  ])('%s → %s', (commitment, expected) => {
    expect(jobTypeFor(commitment)).toBe(expected);
  });

  it('leaves unknown or empty commitments out', () => {
    expect(jobTypeFor('Volunteer')).toBeNull();
    expect(jobTypeFor(null)).toBeNull();
    expect(jobTypeFor('')).toBeNull();
  });
});

describe('salary text', () => {
  it('writes the range with currency and period, then the description', () => {
    expect(salaryText({ min: 120000, max: 150000, currency: 'USD', interval: 'PER_YEAR' }, 'Plus equity')).toBe(
      'USD 120000–150000 per year. Plus equity',
    );
    expect(salaryText({ min: '25.5', max: '30', currency: 'EUR', interval: 'PER_HOUR' }, null)).toBe('EUR 25.5–30 per hour');
  });

  it('handles open and equal ranges, and a description alone', () => {
    expect(salaryText({ min: 100, max: 100, currency: 'GBP', interval: 'PER_DAY' }, '')).toBe('GBP 100 per day');
    expect(salaryText({ min: 90000, max: null, currency: 'USD', interval: 'PER_YEAR' }, null)).toBe('USD 90000+ per year');
    expect(salaryText({ min: null, max: 5000, currency: 'USD', interval: 'PER_MONTH' }, null)).toBe('up to USD 5000 per month');
    expect(salaryText(null, '  Competitive  ')).toBe('Competitive');
    expect(salaryText(null, null)).toBeNull();
  });
});

describe('referencenumber', () => {
  const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  const paris = { name: 'Paris', city: 'Paris', region: 'IDF', countryCode: 'FR', postalCode: '75001' };
  const berlin = { name: 'Berlin', city: 'Berlin', region: 'BE', countryCode: 'DE', postalCode: null };

  it('depends on the posting id and the place, not on position, display name, postal code or case', () => {
    const a = referenceNumber(id, paris);
    expect(a).toMatch(new RegExp(`^${id}-[0-9a-f]{10}$`));
    expect(referenceNumber(id, { ...paris, name: 'Paris HQ', postalCode: '75002', city: ' paris ' })).toBe(a);
    expect(referenceNumber(id, berlin)).not.toBe(a);
    expect(referenceNumber('00000000-0000-4000-8000-000000000000', paris)).not.toBe(a);
    const forward = distinctLocations([paris, berlin]).map((l) => referenceNumber(id, l));
    const reversed = distinctLocations([berlin, paris]).map((l) => referenceNumber(id, l));
    expect(new Set(forward)).toEqual(new Set(reversed));
  });

  it('gives one job per distinct place, and one for a posting without locations', () => {
    expect(distinctLocations([paris, { ...paris, name: 'Paris office' }, berlin])).toHaveLength(2);
    expect(distinctLocations([])).toEqual([null]);
    expect(referenceNumber(id, null)).toMatch(new RegExp(`^${id}-[0-9a-f]{10}$`));
  });
});

describe('job builder', () => {
  it('writes every Indeed element in CDATA', () => {
    const xml = postingJobsXml(createFeedXmlBuilder(), posting(), 'Acme');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<title><![CDATA[Account Executive]]></title>');
    const job = parser.parse(xml).job[0];
    expect(job).toEqual({
      title: 'Account Executive',
      date: 'Fri, 02 Jan 2026 03:04:05 GMT',
      referencenumber: referenceNumber(posting().id, posting().locations[0]),
      requisitionid: 'REQ-1',
      url: 'https://jobs.example.com/acme/7c9e6679',
      company: 'Acme',
      city: 'San Francisco',
      state: 'CA',
      country: 'US',
      postalcode: '94105',
      description: '<p>Hello</p>\n<p>Sell</p>\n<h3>You &amp; us</h3>\n<ul><li>One</li></ul>\n<p>Bye</p>',
      salary: 'USD 120000–150000 per year. Plus equity',
      jobtype: 'fulltime',
      category: 'Sales / Revenue',
      remotetype: 'Hybrid remote',
      expirationdate: 'Thu, 31 Dec 2026 00:00:00 GMT',
    });
  });

  it('leaves optional elements out and keeps the required ones', () => {
    const bare = posting({ requisitionCode: null, team: null, department: null, commitment: null, workplaceType: 'ON_SITE', locations: [], openingHtml: null, descriptionHtml: null, additionalHtml: null, lists: [], salaryRange: null, salaryDescription: null, expiresAt: null });
    expect(Object.keys(jobElements(bare, null, 'Acme'))).toEqual(['title', 'date', 'referencenumber', 'url', 'company', 'description']);
  });

  it('splits ]]> across CDATA sections and drops forbidden characters', () => {
    const title = 'a]]>b ]]]> <script>alert(1)</script> & \u0001\u0000 😀 שלום \u202E';
    const xml = postingJobsXml(createFeedXmlBuilder(), posting({ title }), 'Acme');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(']]]]><![CDATA[>');
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    expect(parser.parse(xml).job[0].title).toBe('a]]>b ]]]> <script>alert(1)</script> &  😀 שלום \u202E');
  });

  it('writes one job per distinct location', () => {
    const locations = [
      { name: 'Paris', city: 'Paris', region: null, countryCode: 'FR', postalCode: null },
      { name: 'Remote (EU)', city: null, region: null, countryCode: null, postalCode: null },
      { name: 'Paris again', city: 'Paris', region: null, countryCode: 'FR', postalCode: '75001' },
    ];
    const jobs = parser.parse(postingJobsXml(createFeedXmlBuilder(), posting({ locations }), 'Acme')).job;
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs.map((j: { referencenumber: string }) => j.referencenumber)).size).toBe(2);
  });
});

describe('feed stream', () => {
  it('produces one well-formed document across many chunks', async () => {
    const batches = Array.from({ length: 5 }, (_, b) => Array.from({ length: 40 }, (_, i) => posting({ id: `00000000-0000-4000-8000-${String(b * 100 + i).padStart(12, '0')}` })));
    const { text, chunks } = await collect(batches);
    expect(chunks).toBeGreaterThan(2);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<source>')).toBe(true);
    expect(XMLValidator.validate(text)).toBe(true);
    const source = parser.parse(text).source;
    expect(source.publisher).toBe('Acme & Co');
    expect(source.publisherurl).toBe('https://acme.example');
    expect(source.lastBuildDate).toBe('Sun, 01 Feb 2026 00:00:00 GMT');
    expect(source.job).toHaveLength(200);
  });

  it('is a valid empty feed when there are no postings', async () => {
    const { text } = await collect([]);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(parser.parse(text).source.job).toBeUndefined();
  });
});

describe('validators', () => {
  const state: FeedState = {
    organizationId: 'o1',
    organizationName: 'Acme',
    organizationCreatedAt: new Date('2026-01-01T00:00:00Z'),
    settingsVersion: 1,
    feedChangedAt: new Date('2026-02-01T00:00:00Z'),
    maxUpdatedAt: new Date('2026-03-01T10:00:00.750Z'),
    lastExpiredAt: null,
  };

  it('changes the ETag with each part of the state', () => {
    const base = feedEtag(state, 'http://x');
    expect(base).toMatch(/^W\/"[\w-]+"$/);
    expect(feedEtag({ ...state }, 'http://x')).toBe(base);
    for (const changed of [{ settingsVersion: 2 }, { feedChangedAt: new Date() }, { maxUpdatedAt: new Date() }, { lastExpiredAt: new Date() }, { organizationName: 'B' }]) {
      expect(feedEtag({ ...state, ...changed }, 'http://x')).not.toBe(base);
    }
    expect(feedEtag(state, 'http://y')).not.toBe(base);
  });

  it('answers conditional requests (http/conditional-get), If-None-Match first', () => {
    const etag = feedEtag(state, 'http://x');
    const lastModified = feedLastModified(state);
    expect(lastModified.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(isNotModified({ 'if-none-match': etag }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-none-match': `"other", ${etag.slice(2)}` }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"other"', 'if-modified-since': lastModified.toUTCString() }, etag, lastModified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': lastModified.toUTCString() }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': new Date(lastModified.getTime() - 1000).toUTCString() }, etag, lastModified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'garbage' }, etag, lastModified)).toBe(false);
    expect(isNotModified({}, etag, lastModified)).toBe(false);
    // Cache-Control: no-cache is for caches; the origin still evaluates the precondition (RFC 9110 §13.2.1).
    expect(isNotModified({ 'if-none-match': etag, 'cache-control': 'no-cache' }, etag, lastModified)).toBe(true);
    // A matching If-None-Match decides alone: an If-Modified-Since older than the feed is not read.
    expect(isNotModified({ 'if-none-match': etag, 'if-modified-since': new Date(lastModified.getTime() - 5000).toUTCString() }, etag, lastModified)).toBe(true);
  });
});
