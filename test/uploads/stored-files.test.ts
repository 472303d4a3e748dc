import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors';
import { UploadPurpose } from '../../src/modules/uploads/upload-purpose';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { samples, upload } from './helpers';

describe('stored files: claims, signed downloads, purge', () => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    other = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  async function stage(purpose = 'RESUME', bytes: Buffer = samples.pdf, filename = 'cv.pdf'): Promise<string> {
    const res = await upload(t, { token, purpose, filename, bytes });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** Claims in its own transaction, as a mutation would; resolves to the error on refusal. */
  function claim(organizationId: string, id: string, purposes = [UploadPurpose.RESUME]) {
    return t.orm.em.fork().transactional((em) => t.services.uploads.claim(em, organizationId, id, { field: 'resumeUploadId', purposes }));
  }

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (err) {
      return err as AppError;
    }
    throw new Error('expected the claim to be refused');
  }

  describe('claim', () => {
    it('succeeds once, then refuses the same upload', async () => {
      const id = await stage();
      const file = await claim(org.organizationId, id);
      expect(file).toMatchObject({ id, purpose: 'RESUME', contentType: 'application/pdf', filename: 'cv.pdf' });
      expect(file.claimedAt).toBeInstanceOf(Date);
      const again = await refusal(claim(org.organizationId, id));
      expect(again.code).toBe('BAD_USER_INPUT');
      expect(again.extensions).toMatchObject({ field: 'resumeUploadId' });
      expect(again.message).toMatch(/already used/);
    });

    it('treats another organization\'s upload as unknown', async () => {
      const id = await stage();
      const err = await refusal(claim(other.organizationId, id));
      expect(err.code).toBe('BAD_USER_INPUT');
      expect(err.message).toBe('resumeUploadId: unknown upload');
      // Still claimable by its owner: the refused attempt changed nothing.
      await expect(claim(org.organizationId, id)).resolves.toMatchObject({ id });
    });

    it('refuses the wrong purpose, a malformed id and an unknown id', async () => {
      const logo = await stage('LOGO', samples.png, 'logo.png');
      const wrong = await refusal(claim(org.organizationId, logo, [UploadPurpose.RESUME, UploadPurpose.ATTACHMENT]));
      expect(wrong.message).toMatch(/LOGO upload; expected RESUME or ATTACHMENT/);
      const malformed = await refusal(claim(org.organizationId, 'not-a-uuid'));
      expect(malformed).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'resumeUploadId' } });
      const unknown = await refusal(claim(org.organizationId, '00000000-0000-4000-8000-000000000000'));
      expect(unknown.message).toBe('resumeUploadId: unknown upload');
    });

    it('releases the upload when the claiming transaction rolls back', async () => {
      const id = await stage();
      await expect(
        t.orm.em.fork().transactional(async (em) => {
          await t.services.uploads.claim(em, org.organizationId, id, { field: 'resumeUploadId', purposes: [UploadPurpose.RESUME] });
          throw new Error('later validation failed');
        }),
      ).rejects.toThrow('later validation failed');
      await expect(claim(org.organizationId, id)).resolves.toMatchObject({ id });
    });

    it('lets exactly one of 20 concurrent claims win', async () => {
      const id = await stage();
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => claim(org.organizationId, id)));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const r of lost) expect((r.reason as AppError).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('signed downloads', () => {
    it('serves the bytes with safe headers for a valid link', async () => {
      const id = await stage('RESUME', samples.pdf, 'Lebenslauf Müller (final).pdf');
      const url = new URL(t.services.uploads.signedUrl(id));
      expect(url.pathname).toBe(`/files/${id}`);
      const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(samples.pdf)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Lebenslauf M_ller _final_.pdf"; filename*=UTF-8''Lebenslauf%20M%C3%BCller%20%28final%29.pdf`,
      );
    });

    it('refuses a tampered signature, another file\'s signature, and an altered expiry', async () => {
      const id = await stage();
      const otherId = await stage();
      const url = new URL(t.services.uploads.signedUrl(id));
      const sig = url.searchParams.get('sig')!;
      const expires = url.searchParams.get('expires')!;
      const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      for (const path of [
        `/files/${id}?expires=${expires}&sig=${flipped}`,
        `/files/${otherId}?expires=${expires}&sig=${sig}`,
        `/files/${id}?expires=${Number(expires) + 3600}&sig=${sig}`,
        `/files/${id}?expires=${expires}`,
        `/files/${id}`,
      ]) {
        const res = await t.app.inject({ method: 'GET', url: path });
        expect(res.statusCode, path).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    });

    it('refuses an expired link', async () => {
      const id = await stage();
      const url = new URL(t.services.uploads.signedUrl(id, -10));
      const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/expired/);
    });

    it('answers 404 for a validly signed link to a file that no longer exists', async () => {
      const url = new URL(t.services.uploads.signedUrl('00000000-0000-4000-8000-000000000001'));
      const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });

  describe('purge', () => {
    it('removes stale unclaimed uploads only, with their bytes', async () => {
      const staleUnclaimed = await stage();
      const staleClaimed = await stage();
      const fresh = await stage();
      await claim(org.organizationId, staleClaimed);
      const conn = t.orm.em.getConnection();
      await conn.execute(`update stored_files set created_at = now() - interval '25 hours' where id in (?, ?)`, [staleUnclaimed, staleClaimed]);

      const purged = await t.services.uploads.purgeStale(24);
      expect(purged).toBeGreaterThanOrEqual(1);
      const rows = await conn.execute<{ id: string }[]>('select id from stored_files where id in (?, ?, ?)', [staleUnclaimed, staleClaimed, fresh]);
      expect(rows.map((r) => r.id).sort()).toEqual([staleClaimed, fresh].sort());
      const contents = await conn.execute<{ file_id: string }[]>('select file_id from stored_file_contents where file_id in (?, ?, ?)', [staleUnclaimed, staleClaimed, fresh]);
      expect(contents.map((r) => r.file_id).sort()).toEqual([staleClaimed, fresh].sort());
      const err = await refusal(claim(org.organizationId, staleUnclaimed));
      expect(err.message).toBe('resumeUploadId: unknown upload');
    });
  });
});
