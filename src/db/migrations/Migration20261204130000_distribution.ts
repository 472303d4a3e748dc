import { Migration } from '@mikro-orm/migrations';

/**
 * Distribution settings live in the `settings` jsonb (no column changes): existing
 * organizations get the new keys with their defaults (LinkedIn feed off, no company
 * id, no search-engine notifications), so raw SQL readers and the ORM agree.
 */
export class Migration20261204130000_distribution extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "organizations" set "settings" = '{"linkedin_feed_enabled": false, "linkedin_company_id": null, "submit_hosted_pages": false}'::jsonb || "settings";`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "organizations" set "settings" = "settings" - 'linkedin_feed_enabled' - 'linkedin_company_id' - 'submit_hosted_pages';`);
  }
}
