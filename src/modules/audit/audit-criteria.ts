import type { FilterQuery } from '@mikro-orm/core';
import { escapeLike } from '../../db/escape-like';
import { assertUuid } from '../../ids';
import type { AuditEvent } from './audit-event.entity';
import type { AuditEventFilterInput } from './audit.inputs';

/** The `auditEvents` filter as a query: an action prefix, an actor, a target, a date range. */
export function auditEventWhere(filter: AuditEventFilterInput | null | undefined): FilterQuery<AuditEvent> {
  const query: FilterQuery<AuditEvent> & Record<string, unknown> = {};
  if (!filter) return query;
  if (filter.action) query.action = filter.action.endsWith('.') ? { $like: `${escapeLike(filter.action)}%` } : filter.action;
  if (filter.actorId) query.actorId = assertUuid('filter.actorId', filter.actorId);
  if (filter.targetId) query.targetId = filter.targetId;
  // A date range for the console's audit screen: since is inclusive, until exclusive.
  if (filter.since || filter.until) query.at = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
  return query;
}
