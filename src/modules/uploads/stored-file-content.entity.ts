import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The bytes of a stored file, kept apart from `stored_files` so listing metadata never
 * drags content along. Declared as an entity only so the schema diff knows the table;
 * `StoredFileContentRepository` reads and writes it with plain SQL.
 */
@Entity({ tableName: 'stored_file_contents' })
export class StoredFileContent {
  @PrimaryKey({ type: 'uuid' })
  fileId!: string;

  @Property({ type: 'blob', columnType: 'bytea', lazy: true })
  content!: Buffer;

  /** When the bytes were written: the orphan sweep spares content younger than its grace period (its row may be on the way). */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
