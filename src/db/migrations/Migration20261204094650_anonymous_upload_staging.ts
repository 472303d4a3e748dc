import { Migration } from '@mikro-orm/migrations';

/*
 * Uploads staged by anonymous-facing callers (postings key, hosted form) remember the
 * client IP (until claimed) and the posting, so each gets only a share of the
 * organization's unclaimed-bytes cap (upload.service.ts).
 */
export class Migration20261204094650_anonymous_upload_staging extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "stored_files" add column "staged_from_ip" text null, add column "staged_for_posting" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stored_files" drop column "staged_from_ip", drop column "staged_for_posting";`);
  }
}
