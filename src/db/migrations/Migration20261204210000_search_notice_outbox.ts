import { Migration } from '@mikro-orm/migrations';

/*
 * search_notice_outbox (#22): a posting change writes its search-engine notice here, in
 * its own transaction, as one plain insert. It used to add a keyed job per engine there
 * instead, and every concurrent update then queued on that one job row, rewrote its ever
 * longer merged payload and sent a NOTIFY: 28 % fewer updates/s. A pump moves the rows
 * to the engines' jobs once a second. No foreign key: the notice that a deleted posting
 * is gone must outlive the posting.
 */
export class Migration20261204210000_search_notice_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "search_notice_outbox" ("id" bigserial primary key, "organization_id" uuid not null, "posting_id" uuid not null, "url" text not null, "kind" text not null check ("kind" in ('URL_UPDATED', 'URL_DELETED')), "created_at" timestamptz not null default now());`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "search_notice_outbox";`);
  }
}
