import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptionHtml } from '../../src/modules/dialects/indeed/description-html';
import { xmlText } from '../../src/modules/dialects/indeed/xml-text';
import { linkedinExperienceLevel } from '../../src/modules/dialects';
import { partnerJobId, PARTNER_JOB_ID_MAX } from '../../src/modules/dialects/linkedin/partner-job-id';
import { PostingState, WorkplaceType } from '../../src/modules/postings/posting-enums';
import { codeOf, createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPostings, FORBIDDEN_XML_CHAR, location, updatePosting } from './helpers';

const PUBLIC_URL = 'https://jobs.example.test';
let t: TestApp;
let org: SeededOrg;
let token: string;

interface LinkedinJob {
  partnerJobId: string;
  company: string;
  title: string;
  description: string;
  applyUrl: string;
  companyId?: string;
  location?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  workplaceTypes?: string;
  jobtype?: string;
  experienceLevel?: string;
  salary?: string;
  expirationDate?: string;
}

const parser = new XMLParser({ ignoreDeclaration: true, trimValues: false, parseTagValue: false, isArray: (name) => name === 'job' });

function parse(xml: string): { publisher: string; publisherUrl: string; lastBuildDate: string; job?: LinkedinJob[] } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid.err)}`);
  if (FORBIDDEN_XML_CHAR.test(xml)) throw new Error('feed contains a character XML 1.0 forbids');
  return (parser.parse(xml) as { source: never }).source;
}

const get = (slug: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/feeds/${slug}/linkedin.xml`, headers });

async function settings(input: string): Promise<{ errors?: unknown[]; code: unknown }> {
  const res = await t.gql(`mutation { updateOrganizationSettings(input: { ${input} }) { settingsVersion } }`, {}, { token });
  return { errors: res.errors, code: codeOf(res) };
}

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_PUBLIC_URL: PUBLIC_URL } });
  org = await createOrg(t);
  token = await login(t, org.slug, org.adminEmail, org.adminPassword);
});
afterAll(() => t.close());

describe('LinkedIn feed switch', () => {
  it('is off by default: 404 like an unknown slug, with the same body', async () => {
    const off = await get(org.slug);
    const unknown = await get('no-such-org');
    expect(off.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(off.body).toBe(unknown.body);
    expect(off.headers['cache-control']).toBe('no-store');
  });

  it('refuses a company id that is not digits, naming the field, and changes nothing', async () => {
    const res = await settings('linkedinCompanyId: "acme<script>"');
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain('linkedinCompanyId');
    expect((await get(org.slug)).statusCode).toBe(404);
  });

  it('turns on with the organization setting', async () => {
    const res = await settings('linkedinFeedEnabled: true, linkedinCompanyId: "1234567"');
    expect(res.errors).toBeUndefined();
    const on = await get(org.slug);
    expect(on.statusCode).toBe(200);
    expect(on.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(parse(on.body).job).toBeUndefined();
  });
});

describe('LinkedIn feed content', () => {
  it('writes the required fields and the mapped ones for every public posting, one job per place', async () => {
    const [senior, multi] = await createPostings(t, org.organizationId, [
      {
        title: 'Senior Engineer',
        level: 'Senior',
        commitment: 'Full-time',
        workplaceType: WorkplaceType.HYBRID,
        descriptionHtml: '<p>Build <b>things</b></p>',
        locations: [location('Berlin', 'Berlin', 'BE', 'DE', '10115')],
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      {
        title: 'Intern',
        level: 'Intern',
        commitment: 'Internship',
        descriptionHtml: '<p>Learn</p>',
        workplaceType: WorkplaceType.REMOTE,
        locations: [location('London', 'London', 'England', 'GB'), location('Paris', 'Paris', null, 'FR')],
      },
    ]);
    const feed = parse((await get(org.slug)).body);
    expect(feed.publisher).toBe(`Org ${org.slug}`);
    expect(feed.publisherUrl).toBe(`${PUBLIC_URL}/jobs/${org.slug}`);
    const jobs = feed.job!;
    expect(jobs).toHaveLength(3);
    for (const job of jobs) {
      for (const field of ['partnerJobId', 'company', 'title', 'description', 'applyUrl', 'companyId', 'location'] as const) expect(job[field], field).toBeTruthy();
      expect(job.partnerJobId.length).toBeLessThanOrEqual(PARTNER_JOB_ID_MAX);
      expect(job.applyUrl).toMatch(/^https:\/\//);
      expect(job.companyId).toBe('1234567');
      expect(job.company).toBe(`Org ${org.slug}`);
    }
    const s = jobs.find((j) => j.title === 'Senior Engineer')!;
    expect(s.partnerJobId).toBe(partnerJobId(senior.id, senior.locations[0]));
    expect(s.applyUrl).toBe(`${PUBLIC_URL}/jobs/${org.slug}/${senior.id}/apply`);
    expect(s.description).toBe('<p>Build <b>things</b></p>');
    expect(s).toMatchObject({ location: 'Berlin, BE, DE', city: 'Berlin', state: 'BE', country: 'DE', postalCode: '10115', workplaceTypes: 'Hybrid', jobtype: 'FULL_TIME', experienceLevel: 'MID_SENIOR_LEVEL' });
    expect(s.expirationDate).toBe(senior.expiresAt!.toISOString());
    const interns = jobs.filter((j) => j.title === 'Intern');
    expect(interns.map((j) => j.location).sort()).toEqual(['London, England, GB', 'Paris, FR']);
    expect(new Set(interns.map((j) => j.partnerJobId)).size).toBe(2);
    expect(interns[0]).toMatchObject({ workplaceTypes: 'Remote', jobtype: 'INTERNSHIP', experienceLevel: 'INTERNSHIP' });
    // The description is HTML in CDATA, not escaped text.
    expect((await get(org.slug)).body).toContain('<description><![CDATA[<p>Build <b>things</b></p>]]></description>');

    // Stable: an edit keeps every partnerJobId.
    const before = jobs.map((j) => j.partnerJobId).sort();
    await updatePosting(t, org.organizationId, multi.id, { title: 'Intern, renamed', locations: [...multi.locations].reverse() });
    expect(parse((await get(org.slug)).body).job!.map((j) => j.partnerJobId).sort()).toEqual(before);
  });

  it('leaves out hidden postings: draft, internal, closed, confidential and expired', async () => {
    await createPostings(t, org.organizationId, [
      { title: 'Hidden draft', state: PostingState.DRAFT },
      { title: 'Hidden internal', state: PostingState.INTERNAL },
      { title: 'Hidden closed', state: PostingState.CLOSED },
      { title: 'Hidden confidential', confidential: true },
      { title: 'Hidden expired', expiresAt: new Date(Date.now() - 60_000) },
    ]);
    const body = (await get(org.slug)).body;
    expect(body).not.toContain('Hidden');
    expect(parse(body).job).toHaveLength(3);
  });

  it('stays valid XML with hostile content, whose text survives minus forbidden characters', async () => {
    const [hostile] = await createPostings(t, org.organizationId, [
      {
        title: 'Breaker ]]> <job><title>forged</title></job> \u0001\u001B & Co',
        descriptionHtml: '<p>end ]]> of CDATA</p>]]><job><partnerJobId>x</partnerJobId></job><![CDATA[ \uFFFE',
        level: 'Senior ]]> <director>',
        locations: [location('תל אביב ]]>', 'תל אביב ]]>', '<region>', 'IL', '<61000>')],
        salaryDescription: 'Equity ]]> & <more>',
      },
    ]);
    const feed = parse((await get(org.slug)).body);
    expect(feed.job!.map((j) => j.title)).not.toContain('forged');
    const job = feed.job!.find((j) => j.partnerJobId === partnerJobId(hostile.id, hostile.locations[0]))!;
    expect(job.title).toBe(xmlText(hostile.title));
    expect(job.description).toBe(xmlText(descriptionHtml(hostile)));
    expect(job.city).toBe('תל אביב ]]>');
    expect(job.postalCode).toBe('<61000>');
    expect(job.salary).toBe('Equity ]]> & <more>');
  });
});

describe('LinkedIn feed caching and compression', () => {
  it('answers a conditional GET with 304, moves the ETag on change, and differs from the Indeed feed\'s tag', async () => {
    const first = await get(org.slug);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await get(org.slug, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get(org.slug, { 'if-modified-since': first.headers['last-modified'] as string })).statusCode).toBe(304);
    const indeed = await t.app.inject({ method: 'GET', url: `/feeds/${org.slug}.xml` });
    expect(indeed.headers.etag).not.toBe(etag);

    expect((await settings('linkedinCompanyId: "7654321"')).errors).toBeUndefined();
    const changed = await get(org.slug, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(parse(changed.body).job![0].companyId).toBe('7654321');
  });

  it('is gzip-compressed when asked, with the same document', async () => {
    const plain = await get(org.slug);
    const zipped = await get(org.slug, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('turns off again: 404', async () => {
    expect((await settings('linkedinFeedEnabled: false')).errors).toBeUndefined();
    expect((await get(org.slug)).statusCode).toBe(404);
  });
});

describe('experience level mapping', () => {
  it('maps the most senior word and leaves unknown levels out', () => {
    expect(linkedinExperienceLevel('Senior Director')).toBe('DIRECTOR');
    expect(linkedinExperienceLevel('VP Engineering')).toBe('EXECUTIVE');
    expect(linkedinExperienceLevel('Junior')).toBe('ENTRY_LEVEL');
    expect(linkedinExperienceLevel('Associate')).toBe('ASSOCIATE');
    expect(linkedinExperienceLevel('L4')).toBeNull();
    expect(linkedinExperienceLevel(null)).toBeNull();
  });
});
