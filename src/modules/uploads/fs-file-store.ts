import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore, ListedObject, ObjectWrite } from './file-store';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_DIR = 'tmp';
const TEMP_KEY = /^tmp\/[0-9a-f-]{36}$/;

/**
 * Content-addressed files under one directory: `ab/cd/<sha256>`. A write goes to
 * `tmp/<random>`, is fsynced, then renamed into place (and the directory fsynced),
 * so a crash leaves either the whole file or only a temporary one, which the next
 * sweep removes. Identical uploads share one file.
 */
export class FsFileStore implements FileStore {
  readonly kind = 'fs';
  readonly keyedBy = 'sha256';

  constructor(private readonly root: string) {}

  async put(body: Readable, write: ObjectWrite): Promise<{ key: string; created: boolean }> {
    await mkdir(path.join(this.root, TEMP_DIR), { recursive: true });
    const temp = path.join(this.root, TEMP_DIR, randomUUID());
    try {
      await pipeline(body, createWriteStream(temp, { flags: 'wx' }));
      await fsync(temp);
      const key = write.sha256();
      const final = this.pathOf(key);
      await mkdir(path.dirname(final), { recursive: true });
      const existed = await exists(final);
      // rename replaces atomically; an existing file had the same bytes, and gets a fresh mtime (spared by the sweep again).
      await rename(temp, final);
      await fsync(path.dirname(final));
      return { key, created: !existed };
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable | null> {
    if (!SHA256_HEX.test(key)) return null;
    const stream = createReadStream(this.pathOf(key));
    // Opening is lazy; wait for it so a missing file is `null`, not a stream error mid-response.
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? resolve(null) : reject(err)));
    });
  }

  async has(key: string): Promise<boolean> {
    return SHA256_HEX.test(key) && exists(this.pathOf(key));
  }

  /** Also takes the `tmp/<name>` keys `list` gives for what a crash left mid-write. */
  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      if (SHA256_HEX.test(key)) await unlink(this.pathOf(key)).catch(ignoreMissing);
      else if (TEMP_KEY.test(key)) await rm(path.join(this.root, key), { force: true });
    }
  }

  async *list(): AsyncIterable<ListedObject[]> {
    const temp = await this.listDir(path.join(this.root, TEMP_DIR), (name) => (TEMP_KEY.test(`${TEMP_DIR}/${name}`) ? `${TEMP_DIR}/${name}` : null));
    if (temp.length) yield temp;
    for (const first of await readdirOrEmpty(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(first)) continue;
      for (const second of await readdirOrEmpty(path.join(this.root, first))) {
        const page = await this.listDir(path.join(this.root, first, second), (name) => (SHA256_HEX.test(name) ? name : null));
        if (page.length) yield page;
      }
    }
  }

  /** Temporary files are listed as `tmp/<name>` so a sweep removes what a crash left mid-write. */
  private async listDir(dir: string, keyOf: (name: string) => string | null): Promise<ListedObject[]> {
    const out: ListedObject[] = [];
    for (const name of await readdirOrEmpty(dir)) {
      const key = keyOf(name);
      if (!key) continue;
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info) out.push({ key, modifiedAt: info.mtime });
    }
    return out;
  }

  private pathOf(key: string): string {
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}

async function fsync(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
