import type { Logger } from 'pino';
import type { UploadService } from '../uploads';

/** The retention deletes of other modules' tables, each run by its owner (users' sessions, the audit log). */
export interface RetentionDeletes {
  deleteExpiredSessions(batchSize: number): Promise<number>;
  deleteAuditEventsOlderThan(days: number, batchSize: number): Promise<number>;
}

export interface HousekeepingOptions {
  /** Audit events older than this are deleted; 0 keeps them forever. */
  auditRetentionDays: number;
  batchSize?: number;
  /** Per-operation key usage: daily buckets older than `days` are deleted (credential-usage.repository.ts). */
  credentialUsage?: { days: number; deleteOlderThan(days: number, batchSize: number): Promise<number> };
}

export interface HousekeepingReport {
  staleUploads: number;
  /** File objects no metadata row points at, older than the grace period. */
  orphanObjects: number;
  expiredSessions: number;
  auditEvents: number;
  credentialUsageRows: number;
}

/**
 * The periodic deletes that keep tables from growing without bound: stale uploads
 * and file objects no row points at (after a grace period), expired sessions, audit events past
 * retention, key usage buckets past 90 days.
 * It runs hourly as a job of the queue (one instance per tick); the deletes are
 * idempotent, so a run that overlaps a late one only finds less to do.
 */
export class Housekeeping {
  constructor(
    private readonly uploads: UploadService,
    private readonly retention: RetentionDeletes,
    private readonly logger: Logger,
    private readonly options: HousekeepingOptions,
  ) {}

  async runOnce(): Promise<HousekeepingReport> {
    const batch = this.options.batchSize ?? 5000;
    const report: HousekeepingReport = {
      staleUploads: await this.uploads.purgeStale(),
      orphanObjects: await this.uploads.sweepOrphans(),
      expiredSessions: await this.retention.deleteExpiredSessions(batch),
      auditEvents: this.options.auditRetentionDays ? await this.retention.deleteAuditEventsOlderThan(this.options.auditRetentionDays, batch) : 0,
      credentialUsageRows: this.options.credentialUsage ? await this.options.credentialUsage.deleteOlderThan(this.options.credentialUsage.days, batch) : 0,
    };
    if (report.expiredSessions || report.auditEvents || report.credentialUsageRows) this.logger.info(report, 'housekeeping deleted expired rows');
    return report;
  }
}
