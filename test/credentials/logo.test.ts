import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logoProblem } from '../../src/modules/uploads/logo-check';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { pngBytes, samples, upload } from '../uploads/helpers';
import { adminOf, codeOf, createKey, mutate } from './helpers';

const SET_LOGO = 'mutation($id: ID!, $uploadId: ID!) { setApiCredentialLogo(id: $id, uploadId: $uploadId) { id logoUrl } }';

describe('credential logos', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  async function stageLogo(token: string, bytes = pngBytes()): Promise<string> {
    const res = await upload(t, { token, purpose: 'LOGO', filename: 'logo.png', bytes, contentType: 'image/png' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  it('sets a PNG logo, serves it publicly, and shows it next to objects the key created', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { name: 'Job board', operations: ['postings.create'] });
    const png = pngBytes(2048);
    const uploadId = await stageLogo(token, png);
    const set = await mutate(t, token, SET_LOGO, { id: key.id, uploadId });
    expect(set.errors).toBeUndefined();
    const url = (set.data?.setApiCredentialLogo as { logoUrl: string }).logoUrl;
    expect(url).toMatch(new RegExp(`/credential-logos/${key.id}\\?v=`));
    const served = await t.app.inject({ method: 'GET', url: url.slice(url.indexOf('/credential-logos')) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    const posting = await t.gql<{ createPosting: { createdBy: { type: string; id: string; name: string; logoUrl: string | null } } }>(
      'mutation { createPosting(input: { title: "Engineer", locations: [{ name: "Remote" }] }) { createdBy { type id name logoUrl } } }',
      {},
      { token: key.secret },
    );
    expect(posting.errors).toBeUndefined();
    expect(posting.data?.createPosting.createdBy).toEqual({ type: 'API_CREDENTIAL', id: key.id, name: 'Job board', logoUrl: url });

    const audit = await t.gql<{ auditEvents: { totalCount: number } }>('{ auditEvents(filter: { action: "api_credential.logo_set" }) { totalCount } }', {}, { token });
    expect(audit.data?.auditEvents.totalCount).toBe(1);
  });

  it('accepts a logo at creation, and refuses a used upload or a non-logo upload as BAD_USER_INPUT', async () => {
    const { token } = await adminOf(t);
    const uploadId = await stageLogo(token);
    const key = await createKey(t, token, { fullAccess: true, logoUploadId: uploadId });
    const again = await mutate(t, token, SET_LOGO, { id: key.id, uploadId });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].extensions?.field).toBe('uploadId');
    const resume = await upload(t, { token, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf, contentType: 'application/pdf' });
    const wrong = await mutate(t, token, SET_LOGO, { id: key.id, uploadId: resume.body.id as string });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    const missing = await t.app.inject({ method: 'GET', url: '/credential-logos/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
  });

  it('checks the PNG signature, the IHDR chunk and the size itself', async () => {
    expect(await logoProblem(pngBytes())).toBeNull();
    expect(await logoProblem(samples.pdf)).toMatch(/PNG/);
    const badIhdr = Buffer.from(pngBytes());
    badIhdr.write('IHDX', 12, 'latin1');
    expect(await logoProblem(badIhdr)).toMatch(/PNG/);
    expect(await logoProblem(pngBytes(600 * 1024))).toMatch(/500 KB/);
  });
});
