import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, userWithRole, type SeededOrg, type TestApp } from '../helpers/test-app';
import { multipart, pngBytes, samples, upload, zipBytes } from './helpers';

describe('POST /uploads', () => {
  let t: TestApp;
  let org: SeededOrg;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  const documents: [keyof typeof samples, string][] = [
    ['pdf', 'application/pdf'],
    ['doc', 'application/msword'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['rtf', 'application/rtf'],
    ['txt', 'text/plain; charset=utf-8'],
  ];

  it.each(documents)('stages a %s resume and stores the detected type', async (kind, contentType) => {
    const bytes = samples[kind];
    // The client's type claim is ignored: only the bytes count.
    const res = await upload(t, { token, purpose: 'RESUME', filename: `cv.${kind}`, bytes, contentType: 'image/gif' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      filename: `cv.${kind}`,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const [row] = await t.orm.em.getConnection().execute('select organization_id, purpose, content_type, claimed_at, created_by_type from stored_files where id = ?', [res.body.id]);
    expect(row).toMatchObject({ organization_id: org.organizationId, purpose: 'RESUME', content_type: contentType, claimed_at: null, created_by_type: 'USER' });
    const [content] = await t.orm.em.getConnection().execute('select octet_length(content) as n from stored_file_contents where file_id = ?', [res.body.id]);
    expect(Number(content.n)).toBe(bytes.length);
  });

  it('accepts attachments of the same document types', async () => {
    const res = await upload(t, { token, purpose: 'ATTACHMENT', filename: 'portfolio.pdf', bytes: samples.pdf });
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('application/pdf');
  });

  it('accepts the purpose field after the file part', async () => {
    const form = multipart([
      { name: 'file', value: samples.txt, filename: 'notes.txt', contentType: 'text/plain' },
      { name: 'purpose', value: 'ATTACHMENT' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/uploads', headers: { 'content-type': form.contentType, authorization: `Bearer ${token}` }, payload: form.body });
    expect(res.statusCode).toBe(201);
  });

  it('strips directories and control characters from the file name', async () => {
    const res = await upload(t, { token, purpose: 'RESUME', filename: '../../etc/\u202Eevil\u0007.pdf', bytes: samples.pdf });
    expect(res.status).toBe(201);
    expect(res.body.filename).toBe('evil.pdf');
  });

  describe('content sniffing', () => {
    it('rejects PNG bytes under a .pdf name', async () => {
      const res = await upload(t, { token, purpose: 'RESUME', filename: 'resume.pdf', bytes: samples.png, contentType: 'application/pdf' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(res.body.error?.message).toMatch(/pdf, doc, docx, rtf/);
    });

    it('rejects an empty file', async () => {
      const res = await upload(t, { token, purpose: 'RESUME', filename: 'empty.txt', bytes: Buffer.alloc(0) });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', message: 'file: is empty' });
    });

    it('rejects a ZIP that is not a Word document', async () => {
      const res = await upload(t, { token, purpose: 'RESUME', filename: 'resume.docx', bytes: zipBytes(['xl/workbook.xml', '[Content_Types].xml']) });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    });

    it('rejects binary data and invalid UTF-8 as text', async () => {
      const binary = await upload(t, { token, purpose: 'RESUME', filename: 'a.txt', bytes: Buffer.from([0x41, 0x00, 0x42]) });
      expect(binary.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      const latin1 = await upload(t, { token, purpose: 'RESUME', filename: 'a.txt', bytes: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
      expect(latin1.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    });
  });

  describe('logos', () => {
    it('accepts a PNG', async () => {
      const res = await upload(t, { token, purpose: 'LOGO', filename: 'logo.png', bytes: samples.png });
      expect(res.status).toBe(201);
      expect(res.body.contentType).toBe('image/png');
    });

    it('rejects anything that is not a PNG with an IHDR chunk', async () => {
      const pdf = await upload(t, { token, purpose: 'LOGO', filename: 'logo.png', bytes: samples.pdf });
      expect(pdf.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      const signatureOnly = await upload(t, { token, purpose: 'LOGO', filename: 'logo.png', bytes: Buffer.concat([samples.png.subarray(0, 8), Buffer.alloc(40, 1)]) });
      expect(signatureOnly.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    });

    it('rejects a PNG of 500 KB or more', async () => {
      const res = await upload(t, { token, purpose: 'LOGO', filename: 'big.png', bytes: pngBytes(500 * 1024 + 1) });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(res.body.error?.message).toMatch(/500 KB/);
    });
  });

  it('refuses a file over 10 MB with 413', async () => {
    const bytes = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    const res = await upload(t, { token, purpose: 'RESUME', filename: 'huge.txt', bytes });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('accepts a text file of exactly 10 MB', async () => {
    const res = await upload(t, { token, purpose: 'RESUME', filename: 'big.txt', bytes: Buffer.alloc(10 * 1024 * 1024, 0x61) });
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(10 * 1024 * 1024);
  });

  it('names the purpose field when it is missing or unknown', async () => {
    const missing = await upload(t, { token, filename: 'cv.pdf', bytes: samples.pdf });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const unknown = await upload(t, { token, purpose: 'AVATAR', filename: 'cv.pdf', bytes: samples.pdf });
    expect(unknown.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
  });

  it('names the file field when no file is sent, or the body is not multipart', async () => {
    const noFile = await upload(t, { token, purpose: 'RESUME' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    const json = await t.app.inject({ method: 'POST', url: '/uploads', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"purpose":"RESUME"}' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it('answers 400, never 500, for malformed multipart bodies', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const form = multipart([{ name: 'purpose', value: 'RESUME' }, { name: 'file', value: samples.pdf, filename: 'cv.pdf' }]);
    const truncated = await t.app.inject({ method: 'POST', url: '/uploads', headers: { ...headers, 'content-type': form.contentType }, payload: form.body.subarray(0, form.body.length - 40) });
    const noBoundary = await t.app.inject({ method: 'POST', url: '/uploads', headers: { ...headers, 'content-type': 'multipart/form-data' }, payload: form.body });
    const garbage = await t.app.inject({ method: 'POST', url: '/uploads', headers: { ...headers, 'content-type': form.contentType }, payload: 'not multipart at all' });
    for (const res of [truncated, noBoundary, garbage]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses two files', async () => {
    const form = multipart([
      { name: 'purpose', value: 'RESUME' },
      { name: 'file', value: samples.pdf, filename: 'a.pdf' },
      { name: 'file', value: samples.pdf, filename: 'b.pdf' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/uploads', headers: { 'content-type': form.contentType, authorization: `Bearer ${token}` }, payload: form.body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it('answers 401 without credentials or with a bad one', async () => {
    const none = await upload(t, { purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('UNAUTHENTICATED');
    const bad = await upload(t, { token: 'jgs_not-a-real-session', purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(bad.status).toBe(401);
    expect(bad.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a TEAM_MEMBER session upload', async () => {
    const member = await userWithRole(t, org, token, 'TEAM_MEMBER');
    const res = await upload(t, { token: member.token, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(res.status).toBe(201);
  });

  it('never accepts multipart on the GraphQL endpoints', async () => {
    const form = multipart([{ name: 'operations', value: '{"query":"{ me { id } }"}' }]);
    const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': form.contentType, authorization: `Bearer ${token}` }, payload: form.body });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
