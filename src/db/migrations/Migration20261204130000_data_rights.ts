import { Migration } from '@mikro-orm/migrations';

export class Migration20261204130000_data_rights extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "applications" add column "legal_hold" boolean not null default false;`);
    // The retention sweep walks each organization's oldest applications first.
    this.addSql(`create index "applications_retention_index" on "applications" ("organization_id", "created_at") where legal_hold = false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "applications_retention_index";`);
    this.addSql(`alter table "applications" drop column "legal_hold";`);
  }

}
