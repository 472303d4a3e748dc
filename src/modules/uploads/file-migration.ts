import type { MikroORM } from '@mikro-orm/postgresql';
import { systemFork } from '../../db/request-scope';
import { pipeline } from 'node:stream/promises';
import { keyOf, type FileStore } from './file-store';
import { StoredFileRepository } from './stored-file.repository';
import { UploadInspector } from './upload-inspector';

export interface MigrationReport {
  total: number;
  copied: number;
  /** Already in the target (an earlier, possibly interrupted, run copied them). */
  skipped: number;
  /** Rows whose bytes the source does not have. */
  missing: string[];
  /** Rows whose bytes in the source no longer match their SHA-256 (not copied). */
  corrupt: string[];
}

const PAGE = 500;

/**
 * Copies every stored file from `source` to `target`, in id order. Idempotent and
 * resumable: a file the target already holds is skipped, so a second run (or a run
 * after a crash) copies only what is left. Each copy streams through a hash check,
 * so the target never receives bytes that differ from the row's SHA-256. Files
 * uploaded meanwhile still go to the source: run it again right before switching.
 */
export async function migrateFiles(
  orm: MikroORM,
  source: FileStore,
  target: FileStore,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<MigrationReport> {
  const files = new StoredFileRepository();
  const em = systemFork(orm);
  const report: MigrationReport = { total: await files.count(em), copied: 0, skipped: 0, missing: [], corrupt: [] };
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const page = await files.keysPage(em, after, PAGE);
    for (const file of page) {
      await copyOne(source, target, file, report);
      onProgress(++done, Math.max(done, report.total));
    }
    if (page.length < PAGE) return report;
    after = page[page.length - 1].id;
  }
}

async function copyOne(source: FileStore, target: FileStore, file: { id: string; sha256: string }, report: MigrationReport): Promise<void> {
  if (await target.has(keyOf(target, file))) {
    report.skipped++;
    return;
  }
  const body = await source.get(keyOf(source, file));
  if (!body) {
    report.missing.push(file.id);
    return;
  }
  const inspector = new UploadInspector(Number.MAX_SAFE_INTEGER);
  const flowing = pipeline(body, inspector);
  flowing.catch(() => undefined);
  const { key } = await target.put(inspector, { id: file.id, sha256: () => inspector.inspected.sha256 });
  await flowing;
  if (inspector.inspected.sha256 !== file.sha256) {
    await target.delete([key]);
    report.corrupt.push(file.id);
    return;
  }
  report.copied++;
}
