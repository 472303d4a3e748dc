import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { startS3Server, type S3Server } from '../helpers/s3-server';
import { killLeftovers, runCli } from '../helpers/service-process';
import { createOrg, login, startTestApp, TEST_SECRET_KEY, type TestApp } from '../helpers/test-app';
import { samples, upload } from '../uploads/helpers';

/** `files:migrate` moves files out of PostgreSQL: to the fs store, then to S3, idempotently. */
describe('the files:migrate CLI', () => {
  let t: TestApp;
  let databaseUrl: string;
  let dataDir: string;
  let s3: S3Server;
  const ids: string[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'jobgate-migrate-'));
    s3 = await startS3Server();
    t = await startTestApp({ databaseUrl, env: { JOBGATE_FILE_STORE: 'postgres' } });
    const org = await createOrg(t);
    const admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    for (const [name, bytes] of [['cv.pdf', samples.pdf], ['cv.docx', samples.docx], ['notes.txt', samples.txt]] as const) {
      const res = await upload(t, { token: admin, purpose: 'RESUME', filename: name, bytes });
      ids.push(String(res.body.id));
    }
  }, 120_000);
  afterAll(async () => {
    killLeftovers();
    await t?.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: databaseUrl, JOBGATE_SECRET_KEY: TEST_SECRET_KEY, JOBGATE_DATA_DIR: dataDir, ...extra });
  const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;

  it('copies every file from postgres to fs with a progress bar, then copies nothing on a second run', { timeout: 120_000 }, async () => {
    const first = await runCli(['files:migrate', '--to', 'fs'], env({ JOBGATE_FILE_STORE: 'postgres' }));
    expect(first.code, first.stderr).toBe(0);
    expect(lastLine(first.stdout)).toMatchObject({ from: 'postgres', to: 'fs', total: 3, copied: 3, skipped: 0, missing: [], corrupt: [] });
    expect(first.stderr).toMatch(/moving files postgres → fs \[.*\] 100% \| 3\/3/); // the bar, on stderr
    const sha = (await t.orm.em.getConnection().execute<{ sha256: string }[]>('select sha256 from stored_files where id = ?', [ids[0]]))[0].sha256;
    expect((await readFile(path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha))).equals(samples.pdf)).toBe(true);

    const again = await runCli(['files:migrate', '--to', 'fs'], env({ JOBGATE_FILE_STORE: 'postgres' }));
    expect(again.code, again.stderr).toBe(0);
    expect(lastLine(again.stdout)).toMatchObject({ total: 3, copied: 0, skipped: 3 });
  });

  it('resumes where an earlier run stopped, and moves fs to s3', { timeout: 120_000 }, async () => {
    // An interrupted earlier run: one file is already in the bucket.
    const s3Env = env({ ...s3.env, JOBGATE_FILE_STORE: 'fs' });
    const partial = await startTestApp({ databaseUrl, env: { ...s3.env, JOBGATE_DATA_DIR: dataDir } });
    try {
      const [row] = await t.orm.em.getConnection().execute<{ sha256: string }[]>('select sha256 from stored_files where id = ?', [ids[1]]);
      await partial.services.uploads.store.put(Readable.from([samples.docx]), { id: ids[1], sha256: () => row.sha256 });
    } finally {
      await partial.close();
    }
    const res = await runCli(['files:migrate', '--to', 's3'], s3Env);
    expect(res.code, res.stderr).toBe(0);
    expect(lastLine(res.stdout)).toMatchObject({ from: 'fs', to: 's3', total: 3, copied: 2, skipped: 1 });
    expect(await s3.keys()).toEqual(ids.map((id) => `files/${id}`).sort());
  });

  it('refuses a bad target by name', async () => {
    const res = await runCli(['files:migrate', '--to', 'ftp'], env());
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--to: must be fs, s3 or postgres/);
  });
});
