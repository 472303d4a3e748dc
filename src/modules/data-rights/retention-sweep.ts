import { systemFork } from '../../db/request-scope';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { recordAudit } from '../audit';
import type { ApplicationEraser, ErasureCounts } from './application-eraser';
import { DataRightsRepository } from './data-rights.repository';

export interface RetentionReport {
  organizations: number;
  batches: number;
  applications: number;
  files: number;
}

/**
 * Erases applications past their organization's retention period (a queue cron task,
 * one instance per tick). Each batch is one transaction: the applications, their files'
 * rows, candidates left with none, and one audit event with the counts and no personal
 * data; the files' bytes follow after commit. Applications on legal hold are skipped.
 * A run that overlaps another skips the rows the other holds locked.
 */
export class RetentionSweep {
  private readonly repository = new DataRightsRepository();

  constructor(
    private readonly orm: MikroORM,
    private readonly eraser: ApplicationEraser,
    private readonly logger: Logger,
    private readonly batchSize = 200,
  ) {}

  /** `now` is the clock the periods are measured against (tests pass a later one). */
  async runOnce(now: Date = new Date()): Promise<RetentionReport> {
    const report: RetentionReport = { organizations: 0, batches: 0, applications: 0, files: 0 };
    const organizations = await this.repository.organizationsWithRetention(systemFork(this.orm));
    for (const organization of organizations) {
      report.organizations += 1;
      for (;;) {
        const batch = await systemFork(this.orm).transactional(async (tx) => {
          const ids = await this.repository.expiredApplications(tx, organization.id, now, organization.days, organization.consentedDays, this.batchSize);
          if (!ids.length) return null;
          const erased = await this.eraser.erase(tx, organization.id, ids);
          recordAudit(tx, organization.id, null, null, {
            action: 'applications.retention_erased',
            targetType: 'Organization',
            targetId: organization.id,
            changes: { ...erased.counts, retentionDays: organization.days, consentedRetentionDays: organization.consentedDays } satisfies ErasureCounts & Record<string, number>,
          });
          return erased;
        });
        if (!batch) break;
        await this.eraser.deleteBytes(batch.files);
        report.batches += 1;
        report.applications += batch.counts.applications;
        report.files += batch.counts.files;
        if (batch.counts.applications < this.batchSize) break;
      }
    }
    if (report.applications) this.logger.info(report, 'retention erased expired applications');
    return report;
  }
}
