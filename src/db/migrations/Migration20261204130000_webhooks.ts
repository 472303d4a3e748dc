import { Migration } from '@mikro-orm/migrations';

/*
 * Webhooks (#21). Endpoints are organization objects owned by the principal that made
 * them (a data key or a user): its CURRENT reach is checked at every delivery. The
 * signing secret is AES-256-GCM encrypted like the postings key. A message is one event
 * for one endpoint; its id is the `webhook-id` header on every attempt and redelivery.
 * The job queue carries only the message id: the message row outlives the job, so the
 * log, status and attempts stay readable after the job is done.
 */
export class Migration20261204130000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoints" (
      "id" uuid not null primary key,
      "organization_id" uuid not null references "organizations" ("id") on update cascade on delete cascade,
      "url" text not null,
      "event_types" text[] not null,
      "description" text null,
      "allow_confidential" boolean not null default false,
      "status" text check ("status" in ('ENABLED', 'DISABLED')) not null default 'ENABLED',
      "disabled_reason" text null,
      "encrypted_secret" text not null,
      "previous_encrypted_secret" text null,
      "previous_secret_expires_at" timestamptz null,
      "owner_credential_id" uuid null references "api_credentials" ("id") on delete cascade,
      "owner_user_id" uuid null references "users" ("id") on delete cascade,
      "failing_since" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "webhook_endpoints_one_owner" check (("owner_credential_id" is null) <> ("owner_user_id" is null))
    );`);
    this.addSql(`create index "webhook_endpoints_organization_id_created_at_index" on "webhook_endpoints" ("organization_id", "created_at", "id");`);
    this.addSql(`create table "webhook_messages" (
      "id" text not null primary key,
      "endpoint_id" uuid not null references "webhook_endpoints" ("id") on delete cascade,
      "organization_id" uuid not null,
      "event_type" text not null,
      "body" text not null,
      "confidential" boolean not null default false,
      "status" text check ("status" in ('PENDING', 'DELIVERING', 'DELIVERED', 'FAILED', 'SUPPRESSED')) not null default 'PENDING',
      "attempt_count" int not null default 0,
      "next_attempt_at" timestamptz null,
      "lease_until" timestamptz null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "webhook_messages_endpoint_id_created_at_index" on "webhook_messages" ("endpoint_id", "created_at" desc, "id" desc);`);
    this.addSql(`create index "webhook_messages_open_index" on "webhook_messages" ("status", "next_attempt_at") where "status" in ('PENDING', 'DELIVERING');`);
    this.addSql(`create table "webhook_attempts" (
      "id" bigserial primary key,
      "message_id" text not null references "webhook_messages" ("id") on delete cascade,
      "at" timestamptz not null default now(),
      "status_code" int null,
      "duration_ms" int not null,
      "error" text null,
      "response_excerpt" text null
    );`);
    this.addSql(`create index "webhook_attempts_message_id_index" on "webhook_attempts" ("message_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_attempts";`);
    this.addSql(`drop table if exists "webhook_messages";`);
    this.addSql(`drop table if exists "webhook_endpoints";`);
  }
}
