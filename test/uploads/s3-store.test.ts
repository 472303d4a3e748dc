import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { startS3Server, type S3Server } from '../helpers/s3-server';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, minimalInput, stage, type ApplyFixture } from '../applications/helpers';
import { upload } from './helpers';

/** A PDF of `size` bytes: a real header, padding, the end marker. */
function pdfOfSize(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const padding = Buffer.alloc(size - head.length - tail.length, 0x20);
  for (let i = 0; i < padding.length; i += 997) padding[i] = 0x41 + (i % 26); // not all one byte
  return Buffer.concat([head, padding, tail]);
}

/**
 * Files in a real S3-compatible server (s3rver, started here on 127.0.0.1): two
 * instances share the database and the bucket, as a scaled-out deployment does.
 */
describe('the s3 file store, shared by two instances', () => {
  let s3: S3Server;
  let a: TestApp;
  let b: TestApp;
  let fx: ApplyFixture;
  beforeAll(async () => {
    s3 = await startS3Server();
    const databaseUrl = await createTestDatabase();
    a = await startTestApp({ databaseUrl, env: s3.env });
    b = await startTestApp({ databaseUrl, env: s3.env });
    fx = await applyFixture(a);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await s3?.close();
  });

  it('an upload made through A is applied and downloaded through B, byte for byte, with the download headers', { timeout: 60_000 }, async () => {
    // 6 MB: past one 5 MiB part, so the multipart path of lib-storage is used.
    const resume = pdfOfSize(6 * 1024 * 1024);
    const uploadId = await stage(a, fx.key, 'RESUME', resume, 'résumé.pdf');
    expect(await s3.keys()).toContain(`files/${uploadId}`);

    const applied = await apply(b, fx.key, fx.plain, minimalInput({ resumeUploadId: uploadId }));
    expect(applied.errors).toBeUndefined();
    const applicationId = applied.data!.applyToPosting.applicationId;

    const res = await b.gql<{ application: { resume: { size: number; sha256: string; downloadUrl: string } } }>(
      `query($id: ID!) { application(id: $id) { resume { size sha256 downloadUrl } } }`,
      { id: applicationId },
      { token: fx.admin },
    );
    expect(res.errors).toBeUndefined();
    const { downloadUrl, size } = res.data!.application.resume;
    expect(size).toBe(resume.length);
    const download = await b.app.inject({ method: 'GET', url: new URL(downloadUrl).pathname + new URL(downloadUrl).search });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(resume)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(resume.length));
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="r_sum_.pdf"; filename\*=UTF-8''r%C3%A9sum%C3%A9.pdf$/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('a file over the limit is cut off mid-stream and leaves no object in the bucket', { timeout: 60_000 }, async () => {
    const before = await s3.keys();
    const res = await upload(a, { token: fx.key, purpose: 'RESUME', filename: 'big.pdf', bytes: pdfOfSize(10 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await s3.keys()).toEqual(before);
  });

  it('a refused type leaves no object behind either', async () => {
    const before = await s3.keys();
    const res = await upload(b, { token: fx.key, purpose: 'RESUME', filename: 'cv.pdf', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('BAD_USER_INPUT');
    expect(await s3.keys()).toEqual(before);
  });

  it('an object written by a process that died before its row is removed by the sweep, after the grace period only', async () => {
    const kept = await stage(a, fx.key, 'RESUME', pdfOfSize(2000), 'cv.pdf');
    // The crash: the object is in the bucket, the row was never written.
    const orphan = await a.services.uploads.receive(pdfOfSize(3000));
    expect(await s3.keys()).toContain(`files/${orphan.id}`);

    expect(await b.services.uploads.sweepOrphans()).toBe(0); // within the grace period (an hour): maybe still on its way
    expect(await s3.keys()).toContain(`files/${orphan.id}`);

    expect(await b.services.uploads.sweepOrphans(0)).toBe(1);
    const keys = await s3.keys();
    expect(keys).not.toContain(`files/${orphan.id}`);
    expect(keys).toContain(`files/${kept}`);
  });

  it('the stale purge deletes the object with its row', async () => {
    const id = await stage(a, fx.key, 'RESUME', pdfOfSize(2000), 'cv.pdf');
    await a.orm.em.getConnection().execute("update stored_files set created_at = now() - interval '2 days' where id = ?", [id]);
    expect(await b.services.uploads.purgeStale()).toBe(1);
    expect(await s3.keys()).not.toContain(`files/${id}`);
  });
});
