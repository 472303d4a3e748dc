/**
 * Who owns the tables that have no entity, and every view. Tables with an entity are
 * owned by the module whose folder holds the entity (`tableName`); the ownership test
 * (test/architecture/table-ownership.unit.test.ts) derives those and reads this map for
 * the rest. An owner is a module folder name (`webhooks`) or a layer (`db`, `auth`).
 * Nothing at run time reads it: it is the committed half of the rule
 * "a table is written by its own module only, and read by others only through a view the
 * owner defines or the owner's facade" (docs/ARCHITECTURE.md, Table ownership).
 */
export const SQL_ONLY_TABLE_OWNERS: Readonly<Record<string, string>> = {
  rate_limits: 'db',
  job_queue_ticks: 'db',
  webhook_endpoints: 'webhooks',
  webhook_messages: 'webhooks',
  webhook_attempts: 'webhooks',
  eeo_responses: 'eeo',
  posting_search_notices: 'distribution',
  search_notice_quota: 'distribution',
  google_indexing_backlog: 'distribution',
  search_notice_outbox: 'postings',
};

/** Views other modules read instead of the owner's tables (created in src/db/migrations). */
export const VIEW_OWNERS: Readonly<Record<string, string>> = {
  organization_directory: 'organizations',
  user_directory: 'users',
  credential_directory: 'credentials',
  application_confidentiality: 'applications',
  posting_directory: 'postings',
  privacy_notice_versions: 'data-rights',
};
