import type { Readable } from 'node:stream';

export type FileStoreKind = 'fs' | 's3' | 'postgres';

/** What a store is told about an object it is writing. */
export interface ObjectWrite {
  /** The StoredFile id the object is for. */
  id: string;
  /** The SHA-256 of the body, hex; callable once the body has ended (content-addressed stores name the object by it). */
  sha256(): string;
}

export interface ListedObject {
  key: string;
  /** When the object was last written; the orphan sweep spares younger objects (an upload may still be writing its row). */
  modifiedAt: Date;
}

/**
 * Where file bytes live, apart from their metadata (StoredFile rows). Objects are
 * written before their row, so a crash in between leaves an object nobody points
 * at; the orphan sweep (housekeeping) removes such objects after a grace period.
 */
export interface FileStore {
  readonly kind: FileStoreKind;
  /** Which StoredFile column names an object: `sha256` for a content-addressed store, `id` otherwise. */
  readonly keyedBy: 'id' | 'sha256';
  /**
   * Streams `body` into the store. Never leaves a partial object: if `body` fails
   * (over the size limit, client gone) the write is aborted and what was written is removed.
   * `created` is false when a content-addressed store already held these bytes.
   */
  put(body: Readable, write: ObjectWrite): Promise<{ key: string; created: boolean }>;
  /** A stream of the object, or `null` when nothing is stored under `key`. */
  get(key: string): Promise<Readable | null>;
  has(key: string): Promise<boolean>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every object, a page at a time. */
  list(): AsyncIterable<ListedObject[]>;
  close?(): Promise<void>;
}

/** The key a store files a StoredFile's bytes under. */
export function keyOf(store: Pick<FileStore, 'keyedBy'>, file: { id: string; sha256: string }): string {
  return store.keyedBy === 'sha256' ? file.sha256 : file.id;
}
