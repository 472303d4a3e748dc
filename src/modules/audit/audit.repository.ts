import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { deleteInBatches } from '../../db/batched-delete';

/**
 * A posting's confidential switch carries its audit trail with it: its own events
 * take the new value; its applications' events stay hidden while the application
 * itself is confidential (applications keep the flag they were made with).
 * Runs inside the caller's transaction, so the switch and its events commit together.
 */
export async function followPostingConfidentiality(em: EntityManager, organizationId: string, postingId: string, confidential: boolean): Promise<void> {
  await em.getConnection().execute(
    `update audit_events e
        set confidential = (?::boolean or (e.target_type = 'Application'
              and exists (select 1 from application_confidentiality a where a.id::text = e.target_id and a.confidential)))
      where e.organization_id = ? and e.posting_id = ?`,
    [confidential, organizationId, postingId],
    'run',
    em.getTransactionContext(),
  );
}

/** Audit events older than `days`, at most `batchSize` per statement (housekeeping). */
export function deleteAuditEventsOlderThan(orm: MikroORM, days: number, batchSize: number): Promise<number> {
  return deleteInBatches(
    orm,
    'delete from audit_events where id in (select id from audit_events where at < now() - make_interval(days => ?) limit ?)',
    [days, batchSize],
    batchSize,
  );
}
