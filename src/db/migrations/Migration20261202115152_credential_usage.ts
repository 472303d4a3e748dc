import { Migration } from '@mikro-orm/migrations';

export class Migration20261202115152_credential_usage extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_credential_usage" ("credential_id" uuid not null, "day" date not null, "operation" varchar(100) not null, "outcome" varchar(20) not null, "count" bigint not null, "first_at" timestamptz not null, "last_at" timestamptz not null, constraint "api_credential_usage_pkey" primary key ("credential_id", "day", "operation", "outcome"));`);
    this.addSql(`create index "api_credential_usage_day_index" on "api_credential_usage" ("day");`);

    this.addSql(`alter table "api_credential_usage" add constraint "api_credential_usage_credential_id_foreign" foreign key ("credential_id") references "api_credentials" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_credential_usage" cascade;`);
  }

}
