import { Migration } from '@mikro-orm/migrations';

export class Migration20261204160000_eeo_responses extends Migration {

  override async up(): Promise<void> {
    // The organization setting lives in the `settings` jsonb: existing organizations ask no EEO questions.
    this.addSql(`update "organizations" set "settings" = '{"eeo_questions": []}'::jsonb || "settings";`);
    // Voluntary self-identification, held apart from the application (its own table, its own
    // permission). The foreign key's cascade erases the answers with their application, whatever
    // deletes it (erasure on request, the retention sweep), in the same statement.
    this.addSql(`create table "eeo_responses" ("id" uuid not null, "organization_id" uuid not null, "application_id" uuid not null, "posting_id" uuid not null,
      "gender" text null, "race" text null, "veteran" text null, "disability" text null, "created_at" timestamptz not null default now(),
      constraint "eeo_responses_pkey" primary key ("id"));`);
    this.addSql(`alter table "eeo_responses" add constraint "eeo_responses_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "eeo_responses" add constraint "eeo_responses_application_id_foreign" foreign key ("application_id") references "applications" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "eeo_responses" add constraint "eeo_responses_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "eeo_responses" add constraint "eeo_responses_posting_id_foreign" foreign key ("posting_id") references "postings" ("id") on update cascade on delete cascade;`);
    // The report filters by organization and period, optionally by posting.
    this.addSql(`create index "eeo_responses_organization_id_created_at_index" on "eeo_responses" ("organization_id", "created_at");`);
    this.addSql(`create index "eeo_responses_posting_id_index" on "eeo_responses" ("posting_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "eeo_responses";`);
    this.addSql(`update "organizations" set "settings" = "settings" - 'eeo_questions';`);
  }

}
