import { Migration } from '@mikro-orm/migrations';

/*
 * Views through which other modules read a module's table (docs/ARCHITECTURE.md, Table
 * ownership). Each is defined by, and listed under, its owner in src/db/table-owners.ts;
 * a reader names the view, never the table, so the owner can see who depends on which
 * columns. They are plain projections: PostgreSQL inlines them, so a join through one
 * plans exactly like a join on the table (same indexes, no extra statement).
 */
const VIEWS: Record<string, string> = {
  // organizations: identity, plan and settings, for the key lookup, the dialects, public URLs, retention
  organization_directory: `select id, slug, name, plan, settings, created_at from organizations`,
  // users: what a principal's reach depends on (On-Behalf-Of, webhook owners)
  user_directory: `select id, organization_id, active, role, can_manage_api_credentials from users`,
  // credentials: a key's reach and life, for webhook owners and expiry notices
  credential_directory: `select id, organization_id, kind, operations, full_access, catalog_version, allow_confidential, expires_at, revoked_at from api_credentials`,
  // applications: which applications are confidential, for the audit log
  application_confidentiality: `select id, organization_id, confidential from applications`,
  // postings: a posting's title and confidentiality, for candidate data exports
  posting_directory: `select id, organization_id, title, confidential from postings`,
  // data-rights: the privacy notices' versions and texts, for the apply and the export
  privacy_notice_versions: `select organization_id, version, text, url from privacy_notices`,
};

export class Migration20261204160000_ownership_views extends Migration {
  override async up(): Promise<void> {
    for (const [name, select] of Object.entries(VIEWS)) this.addSql(`create view "${name}" as ${select};`);
  }

  override async down(): Promise<void> {
    for (const name of Object.keys(VIEWS).reverse()) this.addSql(`drop view "${name}";`);
  }
}
