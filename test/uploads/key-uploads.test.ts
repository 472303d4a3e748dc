import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { samples, upload } from './helpers';

/** The upload paths of API keys: a data key needs uploads.upload, the postings key may not upload logos. */
describe('POST /uploads with API keys', () => {
  let t: TestApp;
  let org: SeededOrg;
  let adminToken: string;
  let postingsKey: string;

  async function dataKey(operations: string[]): Promise<string> {
    const res = await t.gql<{ createApiCredential: { secret: string } }>(
      `mutation($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret } }`,
      { input: { name: `key ${operations.join(' ')}`, operations } },
      { token: adminToken },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createApiCredential.secret;
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    adminToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const reveal = await t.gql<{ revealPostingsApiKey: string }>('mutation { revealPostingsApiKey }', {}, { token: adminToken });
    expect(reveal.errors).toBeUndefined();
    postingsKey = reveal.data!.revealPostingsApiKey;
  });
  afterAll(async () => t?.close());

  it('lets a data key granted uploads.upload stage any purpose', async () => {
    const key = await dataKey(['uploads.upload']);
    const resume = await upload(t, { token: key, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(resume.status).toBe(201);
    const logo = await upload(t, { token: key, purpose: 'LOGO', filename: 'logo.png', bytes: samples.png });
    expect(logo.status).toBe(201);
    const [row] = await t.orm.em.getConnection().execute('select created_by_type, created_by_name from stored_files where id = ?', [logo.body.id]);
    expect(row).toEqual({ created_by_type: 'API_CREDENTIAL', created_by_name: 'key uploads.upload' });
  });

  it('refuses a data key without uploads.upload, naming the operation', async () => {
    const key = await dataKey(['organization.read']);
    const res = await upload(t, { token: key, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('FORBIDDEN');
    expect(res.body.error?.message).toContain('uploads.upload');
  });

  it('lets the postings key stage resumes and attachments but not logos', async () => {
    const resume = await upload(t, { token: postingsKey, purpose: 'RESUME', filename: 'cv.docx', bytes: samples.docx });
    expect(resume.status).toBe(201);
    const attachment = await upload(t, { token: postingsKey, purpose: 'ATTACHMENT', filename: 'a.txt', bytes: samples.txt });
    expect(attachment.status).toBe(201);
    const logo = await upload(t, { token: postingsKey, purpose: 'LOGO', filename: 'logo.png', bytes: samples.png });
    expect(logo.status).toBe(403);
    expect(logo.body.error?.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed key with 401', async () => {
    const res = await upload(t, { token: 'jgk_definitelyNotAValidKey000000000000', purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('answers CORS on the public API for the postings key\'s own organization only', async () => {
    const settings = await t.gql(
      `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`,
      { input: { allowedOrigins: ['https://careers.example.test'] } },
      { token: adminToken },
    );
    expect(settings.errors).toBeUndefined();
    const allowed = await t.gql('{ organization { slug } }', {}, { token: postingsKey, path: '/public/graphql', headers: { origin: 'https://careers.example.test' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://careers.example.test');
    const other = await t.gql('{ organization { slug } }', {}, { token: postingsKey, path: '/public/graphql', headers: { origin: 'https://elsewhere.test' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
