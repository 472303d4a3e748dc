import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101505_uploads extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stored_files" ("id" uuid not null, "organization_id" uuid not null, "purpose" text check ("purpose" in ('RESUME', 'ATTACHMENT', 'LOGO')) not null, "filename" text not null, "content_type" text not null, "size" int not null, "sha256" text not null, "created_at" timestamptz not null, "claimed_at" timestamptz null, "created_by_type" text check ("created_by_type" in ('USER', 'API_CREDENTIAL', 'SYSTEM')) not null, "created_by_id" uuid null, "created_by_name" text not null, "created_by_on_behalf_of_user_id" uuid null, constraint "stored_files_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_files_unclaimed_created_at_index" on "stored_files" ("created_at") where claimed_at is null;`);

    this.addSql(`create table "stored_file_contents" ("file_id" uuid not null, "content" bytea not null, constraint "stored_file_contents_pkey" primary key ("file_id"));`);

    this.addSql(`alter table "stored_files" add constraint "stored_files_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stored_files" cascade;`);

    this.addSql(`drop table if exists "stored_file_contents" cascade;`);
  }

}
