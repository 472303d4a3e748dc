import { Migration } from '@mikro-orm/migrations';

/**
 * Career page settings live in the `settings` jsonb (no column changes): existing
 * organizations get the new keys with their defaults, so raw SQL readers
 * (robots.txt) and the ORM see the same values.
 */
export class Migration20261124120000_career_pages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "organizations" set "settings" = '{"careers_page_enabled": true, "intro": null, "logo_file_id": null}'::jsonb || "settings";`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "organizations" set "settings" = "settings" - 'careers_page_enabled' - 'intro' - 'logo_file_id';`);
  }
}
