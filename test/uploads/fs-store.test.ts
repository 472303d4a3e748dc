import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { samples, upload } from './helpers';

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The default store of embedded mode: content-addressed files under JOBGATE_DATA_DIR/files. */
describe('the fs file store', () => {
  let t: TestApp;
  let dataDir: string;
  let root: string;
  let org: SeededOrg;
  let admin: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'jobgate-fs-store-'));
    root = path.join(dataDir, 'files');
    t = await startTestApp({ env: { JOBGATE_FILE_STORE: 'fs', JOBGATE_DATA_DIR: dataDir } });
    org = await createOrg(t);
    admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores an upload under its SHA-256, whole, and shares identical bytes', async () => {
    const first = await upload(t, { token: admin, purpose: 'ATTACHMENT', filename: 'notes.txt', bytes: samples.txt });
    const second = await upload(t, { token: admin, purpose: 'ATTACHMENT', filename: 'again.txt', bytes: samples.txt });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const hash = sha(samples.txt);
    expect(first.body.sha256).toBe(hash);
    const file = path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
    expect((await readFile(file)).equals(samples.txt)).toBe(true);
    expect((await filesUnder(root)).filter((f) => f.endsWith(hash))).toHaveLength(1);
    expect(await filesUnder(path.join(root, 'tmp'))).toEqual([]); // nothing left at a temporary name
  });

  it('streams a download through the signed route with its headers', async () => {
    const staged = await upload(t, { token: admin, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    const url = new URL(t.services.uploads.signedUrl(String(staged.body.id)));
    const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(samples.pdf)).toBe(true);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('cuts a file over the limit mid-stream: 413, no file and no temporary file left', async () => {
    const before = await filesUnder(root);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    const res = await upload(t, { token: admin, purpose: 'ATTACHMENT', filename: 'big.txt', bytes: big });
    expect(res.status).toBe(413);
    expect(await filesUnder(root)).toEqual(before);
  });

  it('an object whose row was never written (a crash in between) and a half-written temporary file go after the grace period', async () => {
    const kept = await upload(t, { token: admin, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.docx });
    const orphanBytes = Buffer.from(`orphan ${randomUUID()}\n`);
    const orphan = await t.services.uploads.receive(orphanBytes); // the object, then the "crash": no commit
    const orphanFile = path.join(root, orphan.key.slice(0, 2), orphan.key.slice(2, 4), orphan.key);
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    const half = path.join(root, 'tmp', randomUUID());
    await writeFile(half, 'half a fi');

    expect(await t.services.uploads.sweepOrphans()).toBe(0); // young: an upload may still be writing its row
    expect(await stat(orphanFile)).toBeTruthy();

    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(orphanFile, old, old);
    await utimes(half, old, old);
    const report = await t.services.housekeeping.runOnce();
    expect(report.orphanObjects).toBe(2);
    const left = await filesUnder(root);
    expect(left.some((f) => f.endsWith(orphan.key))).toBe(false);
    expect(left.some((f) => f.startsWith('tmp'))).toBe(false);
    expect(left.some((f) => f.endsWith(String(kept.body.sha256)))).toBe(true);
  });

  it('a stale upload loses its row in the purge and its bytes in the same run', async () => {
    const bytes = Buffer.from(`stale ${randomUUID()}\n`);
    const staged = await upload(t, { token: admin, purpose: 'ATTACHMENT', filename: 's.txt', bytes });
    const hash = String(staged.body.sha256);
    const file = path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
    await t.orm.em.getConnection().execute("update stored_files set created_at = now() - interval '2 days' where id = ?", [staged.body.id]);
    const old = new Date(Date.now() - 2 * 86400_000);
    await utimes(file, old, old);
    const report = await t.services.housekeeping.runOnce();
    expect(report.staleUploads).toBe(1);
    expect(report.orphanObjects).toBe(1);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });
});
