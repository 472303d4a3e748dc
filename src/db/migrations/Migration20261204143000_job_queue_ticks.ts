import { Migration } from '@mikro-orm/migrations';

/*
 * Periodic jobs: one row per task and minute, claimed with ON CONFLICT DO NOTHING, so
 * every instance may try to schedule a tick and exactly one job is added (db/job-queue.ts).
 */
export class Migration20261204143000_job_queue_ticks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "job_queue_ticks" ("task" text not null, "tick" timestamptz not null, primary key ("task", "tick"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "job_queue_ticks";`);
  }
}
