import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPosting } from '../postings/helpers';

interface Entry {
  destination: string;
  status: string;
  problems: { field: string; message: string; blocking: boolean }[];
  lastNotifiedAt: string | null;
}

let t: TestApp;
let org: SeededOrg;
let token: string;

const REPORT = `query($id: ID!) { posting(id: $id) { distribution { destination status problems { field message blocking } lastNotifiedAt } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePostingInput!) { updatePosting(id: $id, input: $input) { id } }`;

async function report(id: string): Promise<Record<string, Entry>> {
  const res = await t.gql<{ posting: { distribution: Entry[] } }>(REPORT, { id }, { token });
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.posting.distribution.map((e) => [e.destination, e]));
}

async function update(id: string, input: Record<string, unknown>): Promise<void> {
  const res = await t.gql(UPDATE, { id, input }, { token });
  expect(res.errors).toBeUndefined();
}

async function settings(input: string): Promise<void> {
  const res = await t.gql(`mutation { updateOrganizationSettings(input: { ${input} }) { settingsVersion } }`, {}, { token });
  expect(res.errors).toBeUndefined();
}

const messages = (entry: Entry) => entry.problems.map((p) => p.message);
const LONG = `<p>${'We build the tools that recruiters use every day, and we are looking for someone to help. '.repeat(2)}</p>`;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_PUBLIC_URL: 'https://jobs.example.test', JOBGATE_INDEXNOW_ENDPOINT: 'http://127.0.0.1:9/indexnow' } });
  org = await createOrg(t);
  token = await login(t, org.slug, org.adminEmail, org.adminPassword);
});
afterAll(() => t.close());

describe('distribution report', () => {
  it('flags each problem and clears it when fixed', async () => {
    const id = await createPosting(t, token, {
      descriptionHtml: `<p>${'a'.repeat(64)}</p>`,
      commitment: 'Gig',
      level: 'L4',
      workplaceType: 'UNSPECIFIED',
      locations: [{ name: 'Somewhere' }],
    });
    let r = await report(id);
    expect(Object.keys(r)).toEqual(['GOOGLE', 'INDEED', 'LINKEDIN', 'INDEXNOW']);
    // Destinations the organization has not turned on are OFF, but their problems are listed already.
    expect(r.LINKEDIN.status).toBe('OFF');
    expect(r.INDEXNOW.status).toBe('OFF');
    expect(messages(r.LINKEDIN)).toContain('description is 64 characters; LinkedIn needs 100');
    expect(messages(r.LINKEDIN)).toContain('no LinkedIn company id: set it in the organization settings');
    expect(messages(r.LINKEDIN)).toContain('level "L4" maps to no LinkedIn experience level');
    expect(r.GOOGLE.status).toBe('BLOCKED');
    expect(messages(r.GOOGLE)).toEqual([
      'no location with a country: Google requires jobLocation',
      'expires but has no validThrough: set an expiry date, or Google may keep listing the job after it closes',
      'no salary: Google recommends baseSalary',
      'commitment "Gig" maps to no employmentType',
    ]);
    expect(r.INDEED.status).toBe('BLOCKED');
    expect(messages(r.INDEED)).toEqual(['no city or country: Indeed requires a location', 'no salary: Indeed ranks it lower', 'commitment "Gig" maps to no Indeed job type']);
    expect(r.INDEED.problems.find((p) => p.field === 'salaryRange')!.blocking).toBe(false);
    expect(r.GOOGLE.lastNotifiedAt).toBeNull();

    await update(id, { locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }] });
    r = await report(id);
    expect(r.GOOGLE.status).toBe('WARNINGS');
    expect(r.INDEED.status).toBe('WARNINGS');
    expect(r.GOOGLE.problems.map((p) => p.field)).not.toContain('locations');

    await update(id, {
      descriptionHtml: LONG,
      commitment: 'Full-time',
      level: 'Senior',
      workplaceType: 'HYBRID',
      salaryRange: { min: 60000, max: 80000, currency: 'EUR', interval: 'PER_YEAR' },
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    r = await report(id);
    expect(r.GOOGLE).toMatchObject({ status: 'READY', problems: [] });
    expect(r.INDEED).toMatchObject({ status: 'READY', problems: [] });
    expect(messages(r.LINKEDIN)).toEqual(['no LinkedIn company id: set it in the organization settings']);

    await settings('linkedinFeedEnabled: true, linkedinCompanyId: "1234"');
    r = await report(id);
    expect(r.LINKEDIN).toMatchObject({ status: 'READY', problems: [] });

    await settings('submitHostedPages: true');
    expect((await report(id)).INDEXNOW).toMatchObject({ status: 'READY', problems: [] });
    await settings('careersSiteUrl: "https://careers.example.org"');
    r = await report(id);
    expect(r.INDEXNOW.status).toBe('BLOCKED');
    expect(r.INDEXNOW.problems[0].field).toBe('careersSiteUrl');
    await settings('careersSiteUrl: ""');
    expect((await report(id)).INDEXNOW.status).toBe('READY');

    await settings('feedEnabled: false');
    expect((await report(id)).INDEED.status).toBe('OFF');
    await settings('feedEnabled: true');
  });

  it('reports a posting that is not public as NOT_LISTED, with its problems (shown before publishing)', async () => {
    const id = await createPosting(t, token, { state: 'DRAFT', salaryRange: null });
    const r = await report(id);
    expect(r.INDEED.status).toBe('NOT_LISTED');
    expect(messages(r.INDEED)).toContain('no salary: Indeed ranks it lower');
    const confidential = await createPosting(t, token, { confidential: true });
    expect((await report(confidential)).GOOGLE.status).toBe('NOT_LISTED');
  });

  it('is part of the postings list too, without a query per posting for the organization', async () => {
    await createPosting(t, token);
    const before = t.queries.length;
    const res = await t.gql<{ postings: { nodes: { distribution: Entry[] }[] } }>(`{ postings(first: 10) { nodes { distribution { destination status } } } }`, {}, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.postings.nodes.length).toBeGreaterThanOrEqual(3);
    for (const node of res.data!.postings.nodes) expect(node.distribution).toHaveLength(4);
    const orgReads = t.queries.slice(before).filter((q) => /from "organizations"/.test(q));
    expect(orgReads.length).toBeLessThanOrEqual(2);
  });
});
