/**
 * Where file bytes live, apart from their metadata (StoredFile rows), so that an
 * object store can replace PostgreSQL later without touching the callers.
 */
export interface FileStore {
  put(id: string, bytes: Buffer): Promise<void>;
  /** `null` when nothing is stored under `id`. */
  get(id: string): Promise<Buffer | null>;
  delete(ids: readonly string[]): Promise<void>;
}
