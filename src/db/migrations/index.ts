import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123092903_init } from './Migration20261123092903_init';
import { Migration20261123100847_postings } from './Migration20261123100847_postings';
import { Migration20261123101505_uploads } from './Migration20261123101505_uploads';
import { Migration20261123101805_credentials } from './Migration20261123101805_credentials';
import { Migration20261123102111_applications } from './Migration20261123102111_applications';
import { Migration20261124120000_career_pages } from './Migration20261124120000_career_pages';
import { Migration20261202105030_compat_apis } from './Migration20261202105030_compat_apis';
import { Migration20261202105040_housekeeping_indexes } from './Migration20261202105040_housekeeping_indexes';
import { Migration20261202120000_posting_counts } from './Migration20261202120000_posting_counts';
import { Migration20261202105204_audit_confidential_feed_validators } from './Migration20261202105204_audit_confidential_feed_validators';
import { Migration20261202115152_credential_usage } from './Migration20261202115152_credential_usage';
import { Migration20261202115505_file_stores } from './Migration20261202115505_file_stores';
import { Migration20261204130000_webhooks } from './Migration20261204130000_webhooks';
import { Migration20261204094650_anonymous_upload_staging } from './Migration20261204094650_anonymous_upload_staging';
import { Migration20261204130000_distribution } from './Migration20261204130000_distribution';
import { Migration20261204130000_data_rights } from './Migration20261204130000_data_rights';
import { Migration20261204160000_search_notices } from './Migration20261204160000_search_notices';
import { Migration20261204143000_job_queue_ticks } from './Migration20261204143000_job_queue_ticks';
import { Migration20261204160000_ownership_views } from './Migration20261204160000_ownership_views';
import { Migration20261204160000_stage_upload_function } from './Migration20261204160000_stage_upload_function';
import { Migration20261204160000_eeo_responses } from './Migration20261204160000_eeo_responses';
import { Migration20261204210000_search_notice_outbox } from './Migration20261204210000_search_notice_outbox';
import { Migration20261205000000_webhook_batches } from './Migration20261205000000_webhook_batches';

/**
 * Migrations are listed explicitly (rather than discovered by glob) so the same
 * list works from TypeScript in tests and scripts and from compiled JavaScript.
 * Append new migrations at the end.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123092903_init', class: Migration20261123092903_init },
  { name: 'Migration20261123100847_postings', class: Migration20261123100847_postings },
  { name: 'Migration20261123101505_uploads', class: Migration20261123101505_uploads },
  { name: 'Migration20261123101805_credentials', class: Migration20261123101805_credentials },
  { name: 'Migration20261123102111_applications', class: Migration20261123102111_applications },
  { name: 'Migration20261124120000_career_pages', class: Migration20261124120000_career_pages },
  { name: 'Migration20261202105030_compat_apis', class: Migration20261202105030_compat_apis },
  { name: 'Migration20261202105040_housekeeping_indexes', class: Migration20261202105040_housekeeping_indexes },
  { name: 'Migration20261202105204_audit_confidential_feed_validators', class: Migration20261202105204_audit_confidential_feed_validators },
  { name: 'Migration20261202115152_credential_usage', class: Migration20261202115152_credential_usage },
  { name: 'Migration20261202115505_file_stores', class: Migration20261202115505_file_stores },
  { name: 'Migration20261202120000_posting_counts', class: Migration20261202120000_posting_counts },
  { name: 'Migration20261204094650_anonymous_upload_staging', class: Migration20261204094650_anonymous_upload_staging },
  { name: 'Migration20261204130000_data_rights', class: Migration20261204130000_data_rights },
  { name: 'Migration20261204130000_distribution', class: Migration20261204130000_distribution },
  { name: 'Migration20261204130000_webhooks', class: Migration20261204130000_webhooks },
  { name: 'Migration20261204143000_job_queue_ticks', class: Migration20261204143000_job_queue_ticks },
  { name: 'Migration20261204160000_ownership_views', class: Migration20261204160000_ownership_views },
  { name: 'Migration20261204160000_stage_upload_function', class: Migration20261204160000_stage_upload_function },
  { name: 'Migration20261204160000_eeo_responses', class: Migration20261204160000_eeo_responses },
  { name: 'Migration20261204160000_search_notices', class: Migration20261204160000_search_notices },
  { name: 'Migration20261204210000_search_notice_outbox', class: Migration20261204210000_search_notice_outbox },
  { name: 'Migration20261205000000_webhook_batches', class: Migration20261205000000_webhook_batches },
];
