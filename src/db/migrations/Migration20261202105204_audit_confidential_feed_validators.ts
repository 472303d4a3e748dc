import { Migration } from '@mikro-orm/migrations';

export class Migration20261202105204_audit_confidential_feed_validators extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "organizations" add column "feed_changed_at" timestamptz null;`);

    this.addSql(`alter table "audit_events" add column "posting_id" uuid null, add column "confidential" boolean not null default false;`);
    this.addSql(`create index "audit_events_posting_id_index" on "audit_events" ("posting_id");`);
    // Existing events: tie posting and application events to their posting and copy its confidentiality.
    this.addSql(`update "audit_events" e set "posting_id" = p.id, "confidential" = p.confidential
      from "postings" p where e.target_type = 'Posting' and p.id::text = e.target_id;`);
    this.addSql(`update "audit_events" e set "posting_id" = a.posting_id, "confidential" = (a.confidential or p.confidential)
      from "applications" a join "postings" p on p.id = a.posting_id where e.target_type = 'Application' and a.id::text = e.target_id;`);
    // Deleted postings: hidden when any of their events says they were confidential.
    this.addSql(`update "audit_events" e set "posting_id" = e.target_id::uuid, "confidential" = exists (
        select 1 from "audit_events" c where c.target_type = 'Posting' and c.target_id = e.target_id
          and (c.changes->>'confidential' = 'true' or c.changes->'confidential'->>'after' = 'true'))
      where e.target_type = 'Posting' and e.posting_id is null and e.target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';`);

    this.addSql(`create index "postings_public_expires_index" on "postings" ("organization_id", "expires_at") where state = 'PUBLISHED' and confidential = false and expires_at is not null;`);
    this.addSql(`create index "postings_public_updated_index" on "postings" ("organization_id", "updated_at") where state = 'PUBLISHED' and confidential = false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_events_posting_id_index";`);
    this.addSql(`alter table "audit_events" drop column "posting_id", drop column "confidential";`);

    this.addSql(`alter table "organizations" drop column "feed_changed_at";`);

    this.addSql(`drop index "postings_public_expires_index";`);
    this.addSql(`drop index "postings_public_updated_index";`);
  }

}
