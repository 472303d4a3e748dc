import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092903_init extends Migration {

  override async up(): Promise<void> {
    // Shared store for rate-limiter-flexible (login throttling, and key limits with RATE_LIMIT_STORE=postgres).
    this.addSql(`create table "rate_limits" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);

    this.addSql(`create table "organizations" ("id" uuid not null, "slug" text not null, "name" text not null, "plan" text check ("plan" in ('BASIC', 'FULL')) not null default 'FULL', "settings" jsonb not null, "settings_version" int not null default 1, "created_at" timestamptz not null, constraint "organizations_pkey" primary key ("id"));`);
    this.addSql(`alter table "organizations" add constraint "organizations_slug_unique" unique ("slug");`);

    this.addSql(`create table "audit_events" ("id" uuid not null, "organization_id" uuid not null, "at" timestamptz not null, "actor_type" text check ("actor_type" in ('USER', 'API_CREDENTIAL', 'SYSTEM')) not null, "actor_id" uuid null, "actor_name" text null, "on_behalf_of_user_id" uuid null, "action" text not null, "target_type" text null, "target_id" text null, "changes" jsonb null, "ip" text null, "user_agent" text null, "request_id" text null, constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_action_index" on "audit_events" ("action");`);
    this.addSql(`create index "audit_events_organization_id_at_id_index" on "audit_events" ("organization_id", "at", "id");`);

    this.addSql(`create table "users" ("id" uuid not null, "organization_id" uuid not null, "email" text not null, "name" text not null, "role" text check ("role" in ('SUPER_ADMIN', 'ADMIN', 'TEAM_MEMBER')) not null default 'TEAM_MEMBER', "can_manage_api_credentials" boolean not null default false, "password_hash" text not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_organization_id_email_unique" unique ("organization_id", "email");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "user_id" uuid not null, "organization_id" uuid not null, "token_hash" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "absolute_expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "ip" text null, "user_agent" text null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "audit_events" add constraint "audit_events_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "users" add constraint "users_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_events" drop constraint "audit_events_organization_id_foreign";`);

    this.addSql(`alter table "users" drop constraint "users_organization_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_organization_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`drop table if exists "organizations" cascade;`);

    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "rate_limits";`);
  }

}
