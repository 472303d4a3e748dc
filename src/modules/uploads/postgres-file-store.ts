import type { Knex } from '@mikro-orm/postgresql';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { FileStore, ListedObject, ObjectWrite } from './file-store';
import { StoredFileContentRepository } from './stored-file-content.repository';

const PAGE = 1000;

/**
 * File bytes in PostgreSQL (`stored_file_contents`), the original store, kept until
 * `files:migrate` has moved them out. A bytea has no streaming insert, so this store
 * holds each file in memory while writing it: it does not keep memory flat.
 */
export class PostgresFileStore implements FileStore {
  readonly kind = 'postgres';
  readonly keyedBy = 'id';
  private readonly contents: StoredFileContentRepository;

  constructor(knex: Knex) {
    this.contents = new StoredFileContentRepository(knex);
  }

  async put(body: Readable, write: ObjectWrite): Promise<{ key: string; created: boolean }> {
    const bytes = await buffer(body);
    return { key: write.id, created: await this.contents.insert(write.id, bytes) };
  }

  async get(key: string): Promise<Readable | null> {
    const content = await this.contents.content(key);
    return content ? Readable.from([content]) : null;
  }

  has(key: string): Promise<boolean> {
    return this.contents.exists(key);
  }

  delete(keys: readonly string[]): Promise<void> {
    return this.contents.delete(keys);
  }

  async *list(): AsyncIterable<ListedObject[]> {
    let after: string | null = null;
    for (;;) {
      const page = await this.contents.page(after, PAGE);
      if (page.length) yield page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].key;
    }
  }
}
