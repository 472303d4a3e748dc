import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Where file bytes live, apart from their metadata (StoredFile rows), so that an
 * object store can replace PostgreSQL later without touching the callers.
 */
export interface FileStore {
  /**
   * Stores the bytes. `within` is the caller's transaction: a store in the same
   * database joins it, so bytes and metadata commit (or vanish) together.
   */
  put(id: string, bytes: Buffer, within?: EntityManager): Promise<void>;
  /** `null` when nothing is stored under `id`. */
  get(id: string): Promise<Buffer | null>;
  delete(ids: readonly string[]): Promise<void>;
  /**
   * Deletes content no metadata row points at (left by a crash before the two were
   * written together, or by a store that cannot share the transaction). Returns how many.
   */
  deleteOrphans(batchSize?: number): Promise<number>;
}
