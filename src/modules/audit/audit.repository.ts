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

/** The expressions an audit insert takes from the statement it is part of (trusted SQL from code, never input). */
export interface AuditInsertSource {
  /** The row source, e.g. a CTE name: one event per row. */
  from: string;
  /** The target id, e.g. `application.id::text`. */
  targetId: string;
  /** A jsonb object merged into `changes`, e.g. `jsonb_build_object('candidateId', application.candidate_id)`. */
  addChanges: string;
}

/**
 * The audit event insert as a fragment of another module's statement (the apply writes
 * its application and its audit event in one statement): the table stays written by
 * this module's SQL only. Its parameters are `auditInsertParams`, in that order.
 */
export function auditInsertSql(source: AuditInsertSource): string {
  return `insert into audit_events (id, organization_id, at, actor_type, actor_id, actor_name, on_behalf_of_user_id, action, target_type, target_id,
    changes, ip, user_agent, request_id, posting_id, confidential)
  select ?, ?, now(), ?, ?, ?, ?, ?, ?, ${source.targetId},
    ?::jsonb || ${source.addChanges}, ?, ?, ?, ?, ?
  from ${source.from}
  returning id`;
}

/** An audit event's values as `auditEventValues` (audit.service.ts) makes them. */
export interface AuditInsertValues {
  organization: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  onBehalfOfUserId: string | null;
  action: string;
  targetType: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  postingId: string | null;
  confidential: boolean;
}

/** The parameters of `auditInsertSql`, in its order. */
export function auditInsertParams(id: string, audit: AuditInsertValues): unknown[] {
  return [
    id, audit.organization, audit.actorType, audit.actorId, audit.actorName, audit.onBehalfOfUserId, audit.action, audit.targetType,
    JSON.stringify(audit.changes ?? {}), audit.ip, audit.userAgent, audit.requestId, audit.postingId, audit.confidential,
  ];
}
