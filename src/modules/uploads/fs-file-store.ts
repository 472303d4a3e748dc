import { randomUUID } from 'node:crypto';
import fs, { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
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

  /** Directories this store made or found: each is created once, not on every write (a file operation each). */
  private readonly madeDirs = new Set<string>();

  constructor(private readonly root: string) {}

  /**
   * One handle from open to fsync to close, and chunks gathered into writes of up to
   * 256 KB: a 200 KB résumé costs open, one write, fsync, close, stat, rename and the
   * directory's fsync, where it used to cost twice as many file operations (each a trip
   * through libuv's pool and back to the event loop).
   */
  async put(body: Readable, write: ObjectWrite): Promise<{ key: string; created: boolean }> {
    const temp = path.join(this.root, TEMP_DIR, randomUUID());
    try {
      await this.inDir(path.join(this.root, TEMP_DIR), () => writeDurably(temp, body));
      const key = write.sha256();
      const final = this.pathOf(key);
      const existed = await exists(final);
      // rename replaces atomically; an existing file had the same bytes, and gets a fresh mtime (spared by the sweep again).
      await this.inDir(path.dirname(final), () => rename(temp, final));
      // The rename is durable once its directory is; a file that existed already held these bytes.
      if (!existed) await fsync(path.dirname(final));
      return { key, created: !existed };
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /** Runs `work`, which needs `dir`: made on first use, and again should it have been removed since (ENOENT). */
  private async inDir<T>(dir: string, work: () => Promise<T>): Promise<T> {
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    try {
      return await work();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(dir, { recursive: true });
      return work();
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

/** The chunks gathered before a write: bounded, so memory stays flat whatever the file's size. */
const WRITE_BYTES = 256 * 1024;

/*
 * The file operations of a write, on file descriptors through fs's callback API: on a
 * busy event loop each fs/promises FileHandle (an object, a close promise, a GC
 * finalizer) costs measurably more per operation than a bare descriptor.
 */
const openFd = promisify(fs.open);
const writevFd = promisify(fs.writev);
const fsyncFd = promisify(fs.fsync);
const closeFd = promisify(fs.close);

/** Writes `body` to a new file (`wx`: never over another) and fsyncs it before closing. */
async function writeDurably(file: string, body: Readable): Promise<void> {
  const fd = await openFd(file, 'wx');
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_BYTES) {
        await writeAll(fd, pending);
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pending.length) await writeAll(fd, pending);
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
}

/**
 * writev until every byte is written. A full disk can take part of a write and report
 * success with the bytes it took; the next write then fails with ENOSPC, which is the
 * error the caller must see (a short file must never be renamed into place).
 */
async function writeAll(fd: number, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length) {
    const { bytesWritten } = await writevFd(fd, rest);
    // Never seen, but a loop that makes no progress must not spin: nothing taken means no room.
    if (bytesWritten === 0) throw Object.assign(new Error('ENOSPC: the write made no progress'), { code: 'ENOSPC' });
    let skip = bytesWritten;
    while (rest.length && skip >= rest[0]!.length) {
      skip -= rest[0]!.length;
      rest = rest.slice(1);
    }
    if (rest.length && skip > 0) rest = [rest[0]!.subarray(skip), ...rest.slice(1)];
  }
}

async function fsync(file: string): Promise<void> {
  const fd = await openFd(file, 'r');
  try {
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
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
