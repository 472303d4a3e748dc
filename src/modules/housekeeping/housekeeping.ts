import type { Logger } from 'pino';
import type { UploadService } from '../uploads';

/** The retention deletes of other modules' tables, each run by its owner (users' sessions, the audit log). */
export interface RetentionDeletes {
  deleteExpiredSessions(batchSize: number): Promise<number>;
  deleteAuditEventsOlderThan(days: number, batchSize: number): Promise<number>;
}

export interface HousekeepingOptions {
  /** How often everything runs; 0 disables the timer (tests call `runOnce`). */
  intervalMs: number;
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
 * Every instance runs it; the deletes are idempotent, so overlapping runs only
 * find less to do.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;

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

  start(): void {
    if (!this.options.intervalMs || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return; // a slow run is not stacked on
      this.running = this.runOnce()
        .catch((err: unknown) => this.logger.warn({ err }, 'housekeeping failed'))
        .finally(() => {
          this.running = null;
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
