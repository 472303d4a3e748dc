import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { systemFork } from '../../../db/request-scope';
import { AuditEvent, auditEventValues } from '../../audit';
import type { SearchNotice } from '../../postings';
import { Posting } from '../../postings/entities.api';
import { markNotified } from './notice-log.repository';
import type { NoticeDestination, NoticeMetrics, NoticeOutcome } from './notice-metrics';

/**
 * What became of a batch of notices, written where an administrator and an operator
 * look: one audit event per posting (`posting.search_notice.<outcome>`, by the system),
 * the posting's lastNotifiedAt for those sent, and the per-destination counter.
 */
export class NoticeRecorder {
  constructor(
    private readonly orm: MikroORM,
    private readonly metrics: NoticeMetrics,
    private readonly logger: Logger,
  ) {}

  async record(destination: NoticeDestination, outcome: NoticeOutcome, notices: SearchNotice[]): Promise<void> {
    if (!notices.length) return;
    this.metrics.record(destination, outcome, notices.length);
    try {
      await systemFork(this.orm).transactional(async (em) => {
        // A posting deleted since its notice was queued is gone (its URL_DELETED is still audited); the
        // audit event follows the posting's confidentiality as every posting event does.
        const postings = await em.find(Posting, { id: { $in: [...new Set(notices.map((n) => n.postingId))] } }, { filters: false, fields: ['id', 'confidential'] });
        const confidential = new Map(postings.map((p) => [p.id, p.confidential]));
        const at = new Date();
        const events = notices.map((n) => ({
          id: randomUUID(),
          ...auditEventValues(n.organizationId, null, null, {
            action: `posting.search_notice.${outcome}`,
            targetType: 'Posting',
            targetId: n.postingId,
            changes: { destination, type: n.kind, url: n.url },
            posting: { id: n.postingId, confidential: confidential.get(n.postingId) ?? false },
          }),
          at,
        }));
        await em.insertMany(AuditEvent, events);
        if (outcome === 'sent') await markNotified(em, destination, [...new Set(notices.filter((n) => confidential.has(n.postingId)).map((n) => n.postingId))], at);
      });
    } catch (err) {
      // The engine has the notice already: failing the job here would only send it again.
      this.logger.warn({ err, destination, outcome, notices: notices.length }, 'could not record search-engine notices');
    }
  }
}
