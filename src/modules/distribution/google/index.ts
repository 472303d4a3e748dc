/** Google Indexing API: URL_UPDATED / URL_DELETED for hosted posting pages, within the daily quota. */
export { GoogleIndexing, GOOGLE_INDEXING_ROUTE, type GoogleIndexingOptions } from './google-indexing';
export { loadServiceAccountKey, type ServiceAccountKey } from './service-account-key';
export { serviceAccountTokens, INDEXING_SCOPE, type AccessTokenSource } from './google-token';
export { GOOGLE_BATCH_LIMIT, PUBLISH_PATH } from './google-batch';
export { quotaDay } from './quota-day';
