import { Migration } from '@mikro-orm/migrations';

export class Migration20261204130000_data_rights extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "applications" add column "legal_hold" boolean not null default false;`);
    // The retention sweep walks each organization's oldest applications first.
    this.addSql(`create index "applications_retention_index" on "applications" ("organization_id", "created_at") where legal_hold = false;`);
    // Versioned privacy notices; each application records the version its candidate accepted, and when.
    this.addSql(`create table "privacy_notices" ("id" uuid not null, "organization_id" uuid not null, "version" int not null, "text" text not null, "url" text null,
      "published_at" timestamptz not null, constraint "privacy_notices_pkey" primary key ("id"));`);
    this.addSql(`alter table "privacy_notices" add constraint "privacy_notices_organization_id_version_unique" unique ("organization_id", "version");`);
    this.addSql(`alter table "privacy_notices" add constraint "privacy_notices_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "applications" add column "privacy_notice_version" int null, add column "privacy_notice_accepted_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications" drop column "privacy_notice_version", drop column "privacy_notice_accepted_at";`);
    this.addSql(`drop table "privacy_notices";`);
    this.addSql(`drop index "applications_retention_index";`);
    this.addSql(`alter table "applications" drop column "legal_hold";`);
  }

}
