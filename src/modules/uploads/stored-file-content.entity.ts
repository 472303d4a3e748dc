import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The bytes of a stored file, kept apart from `stored_files` so listing metadata never
 * drags content along. Declared as an entity only so the schema diff knows the table;
 * `PostgresFileStore` reads and writes it with plain SQL.
 */
@Entity({ tableName: 'stored_file_contents' })
export class StoredFileContent {
  @PrimaryKey({ type: 'uuid' })
  fileId!: string;

  @Property({ type: 'blob', columnType: 'bytea', lazy: true })
  content!: Buffer;
}
