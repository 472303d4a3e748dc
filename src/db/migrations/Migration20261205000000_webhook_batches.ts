import { Migration } from '@mikro-orm/migrations';

/*
 * Webhook batches (#21 speed). A change used to add one keyed graphile-worker job per
 * message in its own transaction: with 3 subscribers, 3 more statements and 3 NOTIFYs
 * holding the change open, and ~7 statements per delivery. Now the change inserts its
 * messages (and one NOTIFY) only; a pump hands due messages to the queue in batches,
 * marking each with the batch's token (`batch`, `queued_at`), and one job delivers a
 * batch. The token makes a batch claimable by its own job only, so a batch released
 * by the recovery task (its job was lost) and queued again is never sent twice.
 */
export class Migration20261205000000_webhook_batches extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_messages" add column "batch" uuid null, add column "queued_at" timestamptz null;`);
    // The pump's question: PENDING, not in a batch, due.
    this.addSql(`create index "webhook_messages_due_index" on "webhook_messages" ("next_attempt_at") where "status" = 'PENDING' and "batch" is null;`);
    this.addSql(`create index "webhook_messages_batch_index" on "webhook_messages" ("batch") where "batch" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "webhook_messages_batch_index";`);
    this.addSql(`drop index "webhook_messages_due_index";`);
    this.addSql(`alter table "webhook_messages" drop column "queued_at", drop column "batch";`);
  }
}
