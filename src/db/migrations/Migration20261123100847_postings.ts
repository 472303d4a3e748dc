import { Migration } from '@mikro-orm/migrations';

export class Migration20261123100847_postings extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "postings" ("id" uuid not null, "organization_id" uuid not null, "title" text not null, "state" text check ("state" in ('DRAFT', 'PUBLISHED', 'INTERNAL', 'CLOSED')) not null default 'DRAFT', "confidential" boolean not null default false, "requisition_code" text null, "team" text null, "department" text null, "commitment" text null, "level" text null, "workplace_type" text check ("workplace_type" in ('ON_SITE', 'REMOTE', 'HYBRID', 'UNSPECIFIED')) not null default 'UNSPECIFIED', "locations" jsonb not null, "location_names" text[] not null, "country" text null, "opening_html" text null, "opening_plain" text null, "description_html" text null, "description_plain" text null, "additional_html" text null, "additional_plain" text null, "lists" jsonb not null, "salary_range" jsonb null, "salary_description" text null, "questions" jsonb not null, "expires_at" timestamptz null, "published_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "created_by_type" text check ("created_by_type" in ('USER', 'API_CREDENTIAL', 'SYSTEM')) not null, "created_by_id" uuid null, "created_by_name" text not null, "created_by_on_behalf_of_user_id" uuid null, "search_vector" tsvector generated always as (((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(team, ''::text)), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, locations), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, ((COALESCE(opening_plain, ''::text) || ' '::text) || COALESCE(description_plain, ''::text))), 'C'::"char")) stored null, constraint "postings_pkey" primary key ("id"));`);
    this.addSql(`create index "postings_location_names_index" on "postings" using gin ("location_names");`);
    this.addSql(`create index "postings_search_vector_index" on "postings" using gin ("search_vector");`);
    this.addSql(`create index "postings_published_title_index" on "postings" ("organization_id", lower("title"), "id") where state = 'PUBLISHED';`);
    this.addSql(`create index "postings_published_newest_index" on "postings" ("organization_id", "published_at" desc, "id" desc) where state = 'PUBLISHED';`);
    this.addSql(`create index "postings_organization_id_state_index" on "postings" ("organization_id", "state");`);

    this.addSql(`alter table "postings" add constraint "postings_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "postings" cascade;`);
  }

}
