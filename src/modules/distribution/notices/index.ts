/** What every search-engine destination shares: outcome counters, the audit trail and lastNotifiedAt. */
export { NoticeMetrics, type NoticeDestination, type NoticeOutcome } from './notice-metrics';
export { NoticeRecorder } from './notice-recorder';
export { lastNotified, type LastNotified } from './notice-log.repository';
export { lastNotifiedByPosting } from './last-notified.loader';
