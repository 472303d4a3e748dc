import { Migration } from '@mikro-orm/migrations';

export class Migration20261202115505_file_stores extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "stored_files_sha256_index" on "stored_files" ("sha256");`);

    this.addSql(`alter table "stored_file_contents" add column "created_at" timestamptz not null default now();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stored_file_contents" drop column "created_at";`);

    this.addSql(`drop index "stored_files_sha256_index";`);
  }

}
