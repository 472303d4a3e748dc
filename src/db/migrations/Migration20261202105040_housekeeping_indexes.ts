import { Migration } from '@mikro-orm/migrations';

export class Migration20261202105040_housekeeping_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "audit_events_at_index" on "audit_events" ("at");`);

    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_events_at_index";`);

    this.addSql(`drop index "sessions_expires_at_index";`);
  }

}
