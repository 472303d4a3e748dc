import type { Knex } from '@mikro-orm/postgresql';
import type { ListedObject } from './file-store';

/**
 * The SQL of `stored_file_contents` (the `postgres` file store). Goes through knex with
 * real bind parameters: MikroORM's `execute` inlines values into the SQL text, which
 * for a 10 MB bytea would build (and possibly log) a 20 MB statement.
 */
export class StoredFileContentRepository {
  constructor(private readonly knex: Knex) {}

  /** Idempotent: the same id written twice keeps the first bytes (they are the same file). */
  async insert(fileId: string, content: Buffer): Promise<boolean> {
    const result = await this.knex.raw<{ rowCount: number }>(
      'insert into stored_file_contents (file_id, content) values (?, ?) on conflict (file_id) do nothing',
      [fileId, content],
    );
    return result.rowCount === 1;
  }

  async content(fileId: string): Promise<Buffer | null> {
    const result = await this.knex.raw<{ rows: { content: Buffer }[] }>('select content from stored_file_contents where file_id = ?', [fileId]);
    return result.rows[0]?.content ?? null;
  }

  async exists(fileId: string): Promise<boolean> {
    const result = await this.knex.raw<{ rows: unknown[] }>('select 1 from stored_file_contents where file_id = ?', [fileId]);
    return result.rows.length > 0;
  }

  async delete(fileIds: readonly string[]): Promise<void> {
    if (fileIds.length) await this.knex.raw('delete from stored_file_contents where file_id = any(?::uuid[])', [[...fileIds]]);
  }

  /** Ids and write times after `afterId`, in id order (keyset pages). */
  async page(afterId: string | null, limit: number): Promise<ListedObject[]> {
    const result = await this.knex.raw<{ rows: { file_id: string; created_at: Date }[] }>(
      'select file_id, created_at from stored_file_contents where file_id > coalesce(?::uuid, \'00000000-0000-0000-0000-000000000000\') order by file_id limit ?',
      [afterId, limit],
    );
    return result.rows.map((r) => ({ key: r.file_id, modifiedAt: new Date(r.created_at) }));
  }
}
