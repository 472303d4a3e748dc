/**
 * Where one résumé upload's time goes, phase by phase, at tiny scale (sequential,
 * one client): the 200 KB PDF of applies.ts through the real parts in turn, then the
 * whole POST /uploads over HTTP on the file system store and on the PostgreSQL store.
 * Medians of `--rounds` repetitions. Not a throughput figure: applies.ts is.
 *
 *   npx vite-node scripts/bench/upload-phases.ts -- [--rounds 30]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { intFlag } from './lib/args';
import { createBenchOrg, startBenchApp } from './lib/bench-app';
import { openBenchDatabase } from './lib/bench-database';
import { resumePdf } from './applies/resume';
import { FsFileStore } from '../../src/modules/uploads/fs-file-store';
import { UploadInspector } from '../../src/modules/uploads/upload-inspector';
import { detectContentType, MAX_UPLOAD_BYTES } from '../../src/modules/uploads/upload-policy';
import { UploadPurpose } from '../../src/modules/uploads/upload-purpose';

async function median(rounds: number, work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)]!.toFixed(2)} ms`;
}

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

function multipartBody(pdf: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\nRESUME\r\n`),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="cv.pdf"\r\ncontent-type: application/pdf\r\n\r\n`),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function httpUploads(url: string, store: 'fs' | 'postgres', dataDir: string, rounds: number, pdf: Buffer): Promise<string> {
  const app = await startBenchApp(url, { JOBGATE_FILE_STORE: store, JOBGATE_DATA_DIR: dataDir, JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY: '0', JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '0' });
  try {
    const org = await createBenchOrg(app, 0);
    const send = async () => {
      const form = multipartBody(pdf);
      const res = await fetch(`${app.base}/uploads`, { method: 'POST', headers: { 'content-type': form.contentType, authorization: `Bearer ${org.postingsKey}` }, body: new Uint8Array(form.body) });
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    };
    for (let i = 0; i < 5; i++) await send();
    const statementsBefore = app.queries.count;
    const total = await median(rounds, send);
    return `${total} (ORM-counted statements per upload: ${((app.queries.count - statementsBefore) / rounds).toFixed(1)})`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const rounds = intFlag(process.argv.slice(2), 'rounds', 30);
  const pdf = resumePdf();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-upload-phases-'));
  const db = await openBenchDatabase('jobgate_upload_phases');
  try {
    const lines: string[] = [];
    const inspect = async () => {
      const inspector = new UploadInspector(MAX_UPLOAD_BYTES);
      await pipeline(Readable.from([pdf]), inspector, sink());
      return inspector.inspected;
    };
    lines.push(`hashing + sniffing head/tail (UploadInspector): ${await median(rounds, inspect)}`);
    const inspected = await inspect();
    lines.push(`type check (detectContentType): ${await median(rounds, () => detectContentType(UploadPurpose.RESUME, inspected))}`);
    const store = new FsFileStore(path.join(dir, 'store'));
    lines.push(`fs store put (write, fsync file, rename, fsync dir): ${await median(rounds, () => store.put(Readable.from([pdf]), { id: randomUUID(), sha256: () => inspected.sha256 }))}`);
    const plain = path.join(dir, 'plain.bin');
    lines.push(`  of which a plain write without fsync: ${await median(rounds, () => fs.writeFile(plain, pdf))}`);
    lines.push(`POST /uploads over HTTP, fs store: ${await httpUploads(db.url, 'fs', path.join(dir, 'http-fs'), rounds, pdf)}`);
    lines.push(`POST /uploads over HTTP, PostgreSQL store: ${await httpUploads(db.url, 'postgres', path.join(dir, 'http-pg'), rounds, pdf)}`);
    process.stdout.write(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; medians of ${rounds}\n${lines.join('\n')}\n`);
  } finally {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
