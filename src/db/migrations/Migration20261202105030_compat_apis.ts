import { Migration } from '@mikro-orm/migrations';

export class Migration20261202105030_compat_apis extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "board_groups" ("id" bigserial primary key, "organization_id" uuid not null, "key" text not null, "name" text not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "board_groups" add constraint "board_groups_organization_id_key_unique" unique ("organization_id", "key");`);

    this.addSql(`alter table "board_groups" add constraint "board_groups_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "postings" add column "board_id" bigserial;`);
    this.addSql(`alter table "postings" add constraint "postings_board_id_unique" unique ("board_id");`);

    // Both drop-in APIs are on by default, also for organizations that existed before them.
    this.addSql(`update "organizations" set "settings" = '{"lever_api_enabled": true, "greenhouse_api_enabled": true}'::jsonb || "settings";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "board_groups" cascade;`);

    this.addSql(`alter table "postings" drop constraint "postings_board_id_unique";`);
    this.addSql(`alter table "postings" drop column "board_id";`);
  }

}
