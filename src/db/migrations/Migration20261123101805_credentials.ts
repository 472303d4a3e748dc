import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101805_credentials extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_credentials" ("id" uuid not null, "organization_id" uuid not null, "kind" text check ("kind" in ('POSTINGS', 'DATA')) not null, "name" text not null, "description" text null, "partner" text null, "operations" text[] not null, "full_access" boolean not null default false, "catalog_version" int not null, "allow_confidential" boolean not null default false, "allowed_cidrs" text[] not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "secret_hash" text not null, "secret_hint" text not null, "previous_secret_hash" text null, "previous_secret_expires_at" timestamptz null, "encrypted_secret" text null, "rate_limit_per_minute" int not null default 600, "logo_file_id" uuid null, "created_by" uuid null, "last_used_at" timestamptz null, "use_count" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "api_credentials_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_credentials" add constraint "api_credentials_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_credentials_previous_secret_hash_index" on "api_credentials" ("previous_secret_hash");`);
    this.addSql(`create index "api_credentials_organization_id_created_at_id_index" on "api_credentials" ("organization_id", "created_at", "id");`);
    this.addSql(`create unique index "api_credentials_one_postings_key_per_org" on "api_credentials" ("organization_id") where "kind" = 'POSTINGS';`);

    this.addSql(`alter table "api_credentials" add constraint "api_credentials_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_credentials" cascade;`);
  }

}
