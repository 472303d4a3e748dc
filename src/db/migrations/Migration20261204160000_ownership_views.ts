import { Migration } from '@mikro-orm/migrations';

/*
 * Views through which other modules read a module's table (docs/ARCHITECTURE.md, Table
 * ownership). Each is defined by, and listed under, its owner in src/db/table-owners.ts;
 * a reader names the view, never the table, so the owner can see who depends on which
 * columns. They are plain projections: PostgreSQL inlines them, so a join through one
 * plans exactly like a join on the table (same indexes, no extra statement).
 */

export class Migration20261204160000_ownership_views extends Migration {
  override async up(): Promise<void> {
    // organizations: identity, plan and settings, for the key lookup, the dialects, public URLs, retention
    this.addSql(`create view "organization_directory" as select id, slug, name, plan, settings, created_at from organizations;`);
    // users: what a principal's reach depends on (On-Behalf-Of, webhook owners)
    this.addSql(`create view "user_directory" as select id, organization_id, active, role, can_manage_api_credentials from users;`);
    // credentials: a key's reach and life, for webhook owners and expiry notices
    this.addSql(`create view "credential_directory" as select id, organization_id, kind, operations, full_access, catalog_version, allow_confidential, expires_at, revoked_at from api_credentials;`);
    // applications: which applications are confidential, for the audit log
    this.addSql(`create view "application_confidentiality" as select id, organization_id, confidential from applications;`);
    // postings: a posting's title and confidentiality, for candidate data exports
    this.addSql(`create view "posting_directory" as select id, organization_id, title, confidential from postings;`);
    // data-rights: the privacy notices' versions and texts, for the apply and the export
    this.addSql(`create view "privacy_notice_versions" as select organization_id, version, text, url from privacy_notices;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view "privacy_notice_versions";`);
    this.addSql(`drop view "posting_directory";`);
    this.addSql(`drop view "application_confidentiality";`);
    this.addSql(`drop view "credential_directory";`);
    this.addSql(`drop view "user_directory";`);
    this.addSql(`drop view "organization_directory";`);
  }
}
