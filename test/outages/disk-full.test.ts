import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, minimalInput, PUBLIC, type ApplyFixture } from '../applications/helpers';
import { upload } from '../uploads/helpers';

/** A valid PDF of about `size` bytes, different each time. */
function pdf(size: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj << /Type /Catalog >> endobj\n`);
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

/** Every file under `dir`, recursively, with its size. */
async function filesUnder(dir: string): Promise<{ file: string; size: number }[]> {
  const out: { file: string; size: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push({ file: path.relative(dir, full), size: (await stat(full)).size });
  }
  return out;
}

/**
 * The fs store on a real 3 MB filesystem (a tmpfs mounted for this test; CI runs
 * as root on the same machine type) that fills up: uploads get 507 with
 * Retry-After, not "your file is malformed", no partial file stays, and reads and
 * applies without files go on.
 */
describe('the fs store on a full disk', () => {
  let dataDir: string;
  let filesDir: string;
  let mounted = false;
  let unavailable = '';
  let t: TestApp;
  let fx: ApplyFixture;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'jobgate-disk-full-'));
    filesDir = path.join(dataDir, 'files');
    await mkdir(filesDir);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', filesDir], { stdio: 'pipe' });
      mounted = true;
    } catch (err) {
      unavailable = `cannot mount a 3 MB tmpfs here (needs root or CAP_SYS_ADMIN): ${String((err as Error).message).split('\n')[0]}`;
      return;
    }
    t = await startTestApp({
      env: {
        JOBGATE_FILE_STORE: 'fs',
        JOBGATE_DATA_DIR: dataDir,
        JOBGATE_APPLY_RATE_PER_SECOND: '100000',
        JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY: '100000',
        JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '100000',
      },
    });
    fx = await applyFixture(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (mounted) execFileSync('umount', [filesDir]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('40 uploads of 200 KB, 4 at a time, into 3 MB: the ones that fit are stored, the rest get 507 + Retry-After', { timeout: 120_000 }, async (ctx) => {
    if (!mounted) ctx.skip(unavailable);
    const results: { status: number; code: unknown; retryAfter: unknown; id?: string; size: number }[] = [];
    let next = 0;
    const client = async () => {
      while (next < 40) {
        next += 1;
        const bytes = pdf(200 * 1024);
        const res = await upload(t, { token: fx.key, purpose: 'RESUME', filename: 'cv.pdf', bytes });
        results.push({ status: res.status, code: res.body.error?.code, retryAfter: res.headers['retry-after'], id: res.body.id as string | undefined, size: bytes.length });
      }
    };
    await Promise.all(Array.from({ length: 4 }, client));

    const stored = results.filter((r) => r.status === 201);
    const full = results.filter((r) => r.status === 507);
    expect(stored.length + full.length).toBe(results.length);
    expect(stored.length).toBeGreaterThan(0);
    expect(full.length).toBeGreaterThan(0);
    for (const r of full) {
      expect(r.code).toBe('INSUFFICIENT_STORAGE');
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }

    // No partial file: the temporary files of refused uploads are gone, and every stored file is whole.
    const onDisk = await filesUnder(filesDir);
    expect(onDisk.filter((f) => f.file.startsWith('tmp'))).toEqual([]);
    expect(onDisk.map((f) => f.size)).toEqual(stored.map(() => 200 * 1024));

    // Reads and applies without files go on.
    const read = await t.gql(`query { postings(first: 3) { totalCount } }`, undefined, { token: fx.key, path: PUBLIC });
    expect(read.status).toBe(200);
    expect(read.errors).toBeUndefined();
    const applied = await apply(t, fx.key, fx.plain, minimalInput());
    expect(applied.status).toBe(200);
    expect(applied.errors).toBeUndefined();
    // A stored upload still applies and downloads.
    const withResume = await apply(t, fx.key, fx.plain, minimalInput({ resumeUploadId: stored[0]!.id }));
    expect(withResume.errors).toBeUndefined();
  });
});
