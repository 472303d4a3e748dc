import { Migration } from '@mikro-orm/migrations';

export class Migration20261123102111_applications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "candidates" ("id" uuid not null, "organization_id" uuid not null, "name" text not null, "email" text not null, "email_key" text not null, "phone" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "candidates_pkey" primary key ("id"));`);
    this.addSql(`alter table "candidates" add constraint "candidates_organization_id_email_key_unique" unique ("organization_id", "email_key");`);

    this.addSql(`create table "applications" ("id" uuid not null, "organization_id" uuid not null, "posting_id" uuid not null, "candidate_id" uuid not null, "confidential" boolean not null default false, "name" text not null, "email" text not null, "phone" text null, "current_company" text null, "urls" jsonb not null, "comments" text null, "answers" jsonb not null, "consent" jsonb not null, "source" text null, "timezone" text null, "ip" text null, "user_agent" text null, "status" text check ("status" in ('ACTIVE', 'ARCHIVED')) not null default 'ACTIVE', "archive_reason" text null, "archived_at" timestamptz null, "resume_id" uuid null, "created_at" timestamptz not null, "created_by_type" text check ("created_by_type" in ('USER', 'API_CREDENTIAL', 'SYSTEM')) not null, "created_by_id" uuid null, "created_by_name" text not null, "created_by_on_behalf_of_user_id" uuid null, "idempotency_key" text null, "request_hash" text null, constraint "applications_pkey" primary key ("id"));`);
    this.addSql(`create index "applications_posting_id_created_at_index" on "applications" ("posting_id", "created_at");`);
    this.addSql(`create index "applications_organization_id_created_at_id_index" on "applications" ("organization_id", "created_at", "id");`);
    this.addSql(`alter table "applications" add constraint "applications_organization_id_idempotency_key_unique" unique ("organization_id", "idempotency_key");`);

    this.addSql(`alter table "candidates" add constraint "candidates_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "applications" add constraint "applications_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "applications" add constraint "applications_posting_id_foreign" foreign key ("posting_id") references "postings" ("id") on update cascade;`);
    this.addSql(`alter table "applications" add constraint "applications_candidate_id_foreign" foreign key ("candidate_id") references "candidates" ("id") on update cascade;`);
    this.addSql(`alter table "applications" add constraint "applications_resume_id_foreign" foreign key ("resume_id") references "stored_files" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications" drop constraint "applications_candidate_id_foreign";`);

    this.addSql(`drop table if exists "candidates" cascade;`);

    this.addSql(`drop table if exists "applications" cascade;`);
  }

}
