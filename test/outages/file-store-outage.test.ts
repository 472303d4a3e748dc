import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../helpers/s3-server';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, minimalInput, type ApplyFixture } from '../applications/helpers';
import { upload } from '../uploads/helpers';
import { until } from './until';

/** A small valid PDF, different each time. */
function pdf(): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

const NO_LIMITS = {
  JOBGATE_APPLY_RATE_PER_SECOND: '100000',
  JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY: '100000',
  JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '100000',
};

/**
 * The S3-compatible store (s3rver) killed under upload load and started again:
 * uploads meanwhile are 503 + Retry-After (the store failed, not the candidate's
 * file), and every acknowledged upload downloads afterwards.
 */
describe('an S3 store outage', () => {
  let s3: S3Server;
  let t: TestApp;
  let fx: ApplyFixture;
  beforeAll(async () => {
    s3 = await startS3Server();
    t = await startTestApp({ env: { ...s3.env, ...NO_LIMITS } });
    fx = await applyFixture(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('6 clients uploading and applying: 503 + Retry-After while the store is down, never 400; every acknowledged upload downloads', { timeout: 180_000 }, async () => {
    const answers: { status: number; code: unknown; retryAfter: unknown }[] = [];
    const acknowledged = new Map<string, { bytes: Buffer; applicationId: string | null }>();
    let running = true;
    const client = async () => {
      while (running) {
        const bytes = pdf();
        const res = await upload(t, { token: fx.key, purpose: 'RESUME', filename: 'cv.pdf', bytes });
        answers.push({ status: res.status, code: res.body.error?.code, retryAfter: res.headers['retry-after'] });
        if (res.status !== 201) continue;
        const id = String(res.body.id);
        const applied = await apply(t, fx.key, fx.plain, minimalInput({ resumeUploadId: id }));
        acknowledged.set(id, { bytes, applicationId: applied.data?.applyToPosting.applicationId ?? null });
      }
    };
    const clients = Array.from({ length: 6 }, client);
    const refused = () => answers.filter((a) => a.status !== 201).length;
    try {
      await until(() => acknowledged.size >= 6, 60_000, 'uploads before the outage');
      await s3.stop();
      await until(() => refused() >= 12, 90_000, 'refused uploads during the outage');
      await s3.start();
      const storedBefore = answers.filter((a) => a.status === 201).length;
      await until(() => answers.filter((a) => a.status === 201).length > storedBefore + 6, 60_000, 'uploads after the restart');
    } finally {
      running = false;
      await Promise.all(clients);
    }

    for (const a of answers) {
      expect([201, 503]).toContain(a.status);
      if (a.status === 503) {
        expect(a.code).toBe('SERVICE_UNAVAILABLE');
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
    }
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(12);

    // After the restart, uploads work again at once.
    const after = await Promise.all(Array.from({ length: 3 }, () => upload(t, { token: fx.key, purpose: 'RESUME', filename: 'cv.pdf', bytes: pdf() })));
    expect(after.map((r) => r.status)).toEqual([201, 201, 201]);

    const keys = new Set(await s3.keys());
    for (const [id, { bytes, applicationId }] of acknowledged) {
      expect(keys.has(`files/${id}`)).toBe(true);
      expect(applicationId).not.toBeNull();
      const res = await t.gql<{ application: { resume: { downloadUrl: string } } }>(
        `query($id: ID!) { application(id: $id) { resume { downloadUrl } } }`,
        { id: applicationId },
        { token: fx.admin },
      );
      const url = new URL(res.data!.application.resume.downloadUrl);
      const download = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
    }
  });
});
