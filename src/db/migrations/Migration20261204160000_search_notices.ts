import { Migration } from '@mikro-orm/migrations';

/*
 * Search-engine notices (#22):
 * - posting_search_notices: when each destination last took a notice for a posting
 *   (Posting.distribution[].lastNotifiedAt); goes with its posting.
 * - search_notice_quota: publish calls spent per destination and day (Google's daily quota).
 * - google_indexing_backlog: Google notices not sent yet, one row per URL (the latest
 *   kind wins), so what the day's quota cannot take waits here for the next day.
 */
export class Migration20261204160000_search_notices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "posting_search_notices" ("posting_id" uuid not null references "postings" ("id") on delete cascade, "destination" text not null, "last_notified_at" timestamptz not null, primary key ("posting_id", "destination"));`);
    this.addSql(`create table "search_notice_quota" ("destination" text not null, "day" date not null, "used" int not null, primary key ("destination", "day"));`);
    this.addSql(
      `create table "google_indexing_backlog" ("url" text primary key, "kind" text not null check ("kind" in ('URL_UPDATED', 'URL_DELETED')), "posting_id" uuid not null, "organization_id" uuid not null, "queued_at" timestamptz not null default now(), "attempts" int not null default 0);`,
    );
    this.addSql(`create index "google_indexing_backlog_order_index" on "google_indexing_backlog" (("kind" = 'URL_DELETED') desc, "queued_at", "url");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "google_indexing_backlog";`);
    this.addSql(`drop table "search_notice_quota";`);
    this.addSql(`drop table "posting_search_notices";`);
  }
}
