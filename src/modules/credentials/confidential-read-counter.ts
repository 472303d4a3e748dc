import type { EntityName, EventArgs, EventSubscriber } from '@mikro-orm/core';
import { CONFIDENTIAL_FILTER, type ConfidentialFilterParams } from '../../db/confidential-scope';
import { CONFIDENTIAL_OPERATION, type OperationUsage } from '../../auth/operation-usage';
import { Application } from '../applications';
import { AuditEvent } from '../audit';
import { Posting } from '../postings';

/**
 * A data key's "confidential read": a posting, application or audit event flagged
 * confidential that the ORM loaded for a request of a key with allowConfidential
 * (the request fork names the key in the confidential filter's params). One count per
 * row loaded, in memory, flushed with the operation counters. Cheap: an onLoad check
 * on three entities. It is what would vanish for that key if allowConfidential were
 * switched off, which is what the permission preview reports.
 */
export class ConfidentialReadCounter implements EventSubscriber {
  constructor(private readonly usage: OperationUsage) {}

  getSubscribedEntities(): EntityName<unknown>[] {
    return [Posting, Application, AuditEvent];
  }

  onLoad(args: EventArgs<unknown>): void {
    if ((args.entity as { confidential?: boolean }).confidential !== true) return;
    const params = args.em.getFilterParams<ConfidentialFilterParams>(CONFIDENTIAL_FILTER);
    if (params?.allow && params.reader) this.usage.record(params.reader, CONFIDENTIAL_OPERATION, 'CONFIDENTIAL_READ');
  }
}
