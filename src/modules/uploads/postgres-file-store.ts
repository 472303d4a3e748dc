import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { FileStore } from './file-store';

/**
 * File bytes in PostgreSQL (`stored_file_contents`). Goes through knex with real
 * bind parameters: MikroORM's `execute` inlines values into the SQL text, which
 * for a 10 MB bytea would build (and possibly log) a 20 MB statement.
 */
export class PostgresFileStore implements FileStore {
  constructor(private readonly knex: Knex) {}

  async put(id: string, bytes: Buffer, within?: EntityManager): Promise<void> {
    const query = this.knex.raw('insert into stored_file_contents (file_id, content) values (?, ?)', [id, bytes]);
    const trx = within?.getTransactionContext<Knex.Transaction>();
    if (trx) void query.transacting(trx);
    await query;
  }

  async get(id: string): Promise<Buffer | null> {
    const result = await this.knex.raw<{ rows: { content: Buffer }[] }>('select content from stored_file_contents where file_id = ?', [id]);
    return result.rows[0]?.content ?? null;
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.knex.raw('delete from stored_file_contents where file_id = any(?::uuid[])', [[...ids]]);
  }

  async deleteOrphans(batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      // Uncommitted rows are invisible here, so content whose metadata is still being
      // written in the same transaction is never taken for an orphan.
      const result = await this.knex.raw<{ rowCount: number }>(
        `delete from stored_file_contents where file_id in (
           select c.file_id from stored_file_contents c
           where not exists (select 1 from stored_files f where f.id = c.file_id)
           limit ?)`,
        [batchSize],
      );
      total += result.rowCount;
      if (result.rowCount < batchSize) return total;
    }
  }
}
