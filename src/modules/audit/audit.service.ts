import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Principal, RequestMeta } from '../../auth/principal';
import { ActorType, AuditEvent } from './audit-event.entity';
import { paginate, type Page, type PageRequest } from '../../db/paginate';
import { auditEventWhere } from './audit-criteria';
import type { AuditEventFilterInput } from './audit.inputs';
import { deleteAuditEventsOlderThan, followPostingConfidentiality } from './audit.repository';

export interface AuditEntry {
  /** Dotted, e.g. `user.created`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Before/after values. Never put a secret here. */
  changes?: Record<string, unknown>;
  /**
   * The posting the event is tied to (a posting event, or an application's), and
   * whether what it describes is confidential now: then only principals with
   * confidential access see the event.
   */
  posting?: { id: string; confidential: boolean };
}

/** The column values of an audit event (as entity properties), for `recordAudit` and for repositories that insert events in SQL. */
export function auditEventValues(organizationId: string, principal: Principal | null, meta: RequestMeta | null, entry: AuditEntry) {
  const actorType = !principal ? ActorType.SYSTEM : principal.kind === 'USER' ? ActorType.USER : ActorType.API_CREDENTIAL;
  return {
    organization: organizationId,
    at: new Date(),
    actorType,
    actorId: principal ? (principal.userId ?? principal.credentialId ?? null) : null,
    actorName: principal ? principal.displayName : 'system',
    onBehalfOfUserId: principal?.onBehalfOfUserId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    changes: entry.changes ?? null,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent ?? null,
    requestId: meta?.requestId ?? null,
    postingId: entry.posting?.id ?? null,
    confidential: entry.posting?.confidential ?? false,
  };
}

/**
 * An audit event as an `audit_events` row, by column name, with a fresh id and no `at`
 * (the statement's clock sets it): for SQL that inserts the event with the change it
 * describes in one statement (the uploads module's `stage_upload`).
 */
export function auditEventRow(organizationId: string, principal: Principal | null, meta: RequestMeta | null, entry: AuditEntry): Record<string, unknown> {
  const v = auditEventValues(organizationId, principal, meta, entry);
  return {
    id: randomUUID(),
    organization_id: v.organization,
    actor_type: v.actorType,
    actor_id: v.actorId,
    actor_name: v.actorName,
    on_behalf_of_user_id: v.onBehalfOfUserId,
    action: v.action,
    target_type: v.targetType,
    target_id: v.targetId,
    changes: v.changes,
    ip: v.ip,
    user_agent: v.userAgent,
    request_id: v.requestId,
    posting_id: v.postingId,
    confidential: v.confidential,
  };
}

/**
 * Adds an audit event to `em`'s unit of work, so it commits in the same
 * transaction as the change it describes (or not at all).
 */
export function recordAudit(
  em: EntityManager,
  organizationId: string,
  principal: Principal | null,
  meta: RequestMeta | null,
  entry: AuditEntry,
): AuditEvent {
  return em.create(AuditEvent, auditEventValues(organizationId, principal, meta, entry));
}

/** The keys whose values differ between `before` and `after`, as `{ key: { before, after } }`. */
export function diff<T extends object>(before: T, after: T, keys: (keyof T)[]): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[String(key)] = { before: before[key], after: after[key] };
  }
  return changes;
}

/** A posting became confidential or public again: its past events (and its applications') follow, in the caller's transaction. */
export function postingConfidentialityChanged(em: EntityManager, organizationId: string, postingId: string, confidential: boolean): Promise<void> {
  return followPostingConfidentiality(em, organizationId, postingId, confidential);
}

/** The audit log, newest first, as a plain page (the resolver makes it a connection). */
export function listAuditEvents(em: EntityManager, filter: AuditEventFilterInput | null | undefined, page: PageRequest): Promise<Page<AuditEvent>> {
  return paginate(em, AuditEvent, auditEventWhere(filter), page, { at: 'desc', id: 'desc' });
}

/** Retention: deletes audit events older than `days`, in batches; returns how many (housekeeping). */
export function purgeAuditEvents(orm: MikroORM, days: number, batchSize: number): Promise<number> {
  return deleteAuditEventsOlderThan(orm, days, batchSize);
}
