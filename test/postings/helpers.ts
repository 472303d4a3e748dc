import { createOrg, login, type SeededOrg, type TestApp } from '../helpers/test-app';

export const PUBLIC = '/public/graphql';

/** The organization's postings key (`jgp_…`), as a career site holds it: the org admin reveals it through the admin API. */
export async function publicToken(t: TestApp, org: SeededOrg): Promise<string> {
  const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
  const res = await t.gql<{ revealPostingsApiKey: string }>(`mutation { revealPostingsApiKey }`, {}, { token: admin });
  if (!res.data?.revealPostingsApiKey) throw new Error(`revealPostingsApiKey failed: ${JSON.stringify(res.errors)}`);
  return res.data.revealPostingsApiKey;
}

export interface OrgWithTokens {
  org: SeededOrg;
  admin: string;
  key: string;
}

export async function orgWithTokens(t: TestApp): Promise<OrgWithTokens> {
  const org = await createOrg(t);
  const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
  return { org, admin, key: await publicToken(t, org) };
}

export const CREATE = `mutation($input: CreatePostingInput!) { createPosting(input: $input) { id title state confidential publishedAt createdBy { type id name } } }`;

/** A minimal valid posting input, overridable field by field. */
export function postingInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Software Engineer',
    state: 'PUBLISHED',
    team: 'Engineering',
    department: 'R&D',
    commitment: 'Full-time',
    level: 'Senior',
    workplaceType: 'ON_SITE',
    locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }],
    descriptionHtml: '<p>Build things.</p>',
    ...overrides,
  };
}

/** Creates a posting through the admin API and returns its id. */
export async function createPosting(t: TestApp, adminToken: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.gql<{ createPosting: { id: string } }>(CREATE, { input: postingInput(overrides) }, { token: adminToken });
  if (!res.data) throw new Error(`createPosting failed: ${JSON.stringify(res.errors)}`);
  return res.data.createPosting.id;
}

/** One definition for every area (test/helpers/test-app.ts). */
export { codeOf } from '../helpers/test-app';
