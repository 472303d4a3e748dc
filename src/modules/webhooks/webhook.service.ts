import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import type { CommitHooks } from '../../db/after-commit';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { recordAudit } from '../audit';
import { encryptSecret } from '../credentials';
import { WEBHOOK_EVENT_TYPES, eventTypeOf, type WebhookEventName } from './event-types';
import { assertDeliverableUrl } from './webhook-url';
import { bodyOf, type WebhookEvent } from './webhook-event';
import { newWebhookSecret } from './webhook-signature';
import { WebhookRepository, type EndpointRow, type MessageRow } from './webhook.repository';
import {
  WebhookEndpointStatus,
  WebhookMessageStatus,
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookMessage,
} from './webhook.types';

const TARGET = 'WebhookEndpoint';
const MAX_DESCRIPTION = 500;
const MAX_PREVIOUS_SECRET_TTL_SECONDS = 7 * 24 * 3600;
/** Days before expiry at which `credential.expiring` is sent. */
const EXPIRY_WARNINGS_DAYS = [7, 1];
/** The expiry check runs hourly; each run covers the hour since the previous one. */
const EXPIRY_CHECK_WINDOW_SECONDS = 3600;

export interface WebhookServiceOptions {
  masterKey: Buffer;
  allowPrivateNetworks: boolean;
  /** Wakes the pumps; called once a transaction that wrote messages has committed. */
  onDue: () => void;
  commitHooks: CommitHooks;
}

export interface PageOf<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

/**
 * Webhook endpoints as organization objects (governed like credentials: catalog
 * operations, audit, the ceiling rule) and the outbox side of delivery: `enqueueFor`
 * writes one message per matching endpoint in the caller's transaction, so an event
 * exists exactly when its change committed; the pumps hand it to the job queue.
 */
export class WebhookService {
  private readonly repository = new WebhookRepository();

  constructor(private readonly options: WebhookServiceOptions) {}

  eventTypes() {
    return WEBHOOK_EVENT_TYPES;
  }

  /**
   * THE call every module makes, on its transactional `em`, for a change subscribers
   * may hear about: one INSERT … SELECT, one message per matching endpoint. With no
   * matching endpoint it inserts nothing; otherwise the pumps are woken after the commit.
   */
  async enqueueFor(em: EntityManager, event: WebhookEvent): Promise<void> {
    const written = await this.repository.insertMessages(
      em,
      { organizationId: event.organizationId, eventType: event.type, confidential: event.confidential ?? false, withoutConfidentialOnly: event.withoutConfidentialOnly ?? false },
      bodyOf(event),
    );
    if (written > 0) this.options.commitHooks.afterCommit(em, this.options.onDue);
  }

  /**
   * `credential.expiring` for keys that reached 7 days (and 1 day) before expiry within
   * the last hour: the hourly cron's window, so each warning is sent once per key.
   */
  async checkExpiringCredentials(em: EntityManager): Promise<void> {
    for (const days of EXPIRY_WARNINGS_DAYS) {
      for (const key of await this.repository.credentialsExpiringIn(em, days, EXPIRY_CHECK_WINDOW_SECONDS)) {
        await this.enqueueFor(em, { organizationId: key.organization_id, type: 'credential.expiring', data: { id: key.id, expiresAt: key.expires_at.toISOString(), daysLeft: days } });
      }
    }
  }

  async create(scope: Scope, input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
    const { principal } = scope;
    const url = await assertDeliverableUrl(input.url, this.options.allowPrivateNetworks);
    const eventTypes = this.assertSubscribable(scope, input.eventTypes, input.allowConfidential);
    const description = descriptionOf(input.description);
    const secret = newWebhookSecret();
    const row = await scope.em.transactional(async (em) => {
      const created = await this.repository.insertEndpoint(em, {
        id: randomUUID(),
        organization_id: principal.organizationId,
        url,
        event_types: eventTypes,
        description,
        allow_confidential: input.allowConfidential,
        encrypted_secret: encryptSecret(this.options.masterKey, secret),
        owner_credential_id: principal.kind === 'USER' ? null : (principal.credentialId ?? null),
        owner_user_id: principal.kind === 'USER' ? (principal.userId ?? null) : null,
      });
      recordAudit(em, principal.organizationId, principal, scope.meta, {
        action: 'webhook_endpoint.created',
        targetType: TARGET,
        targetId: created.id,
        changes: { url, eventTypes, allowConfidential: input.allowConfidential },
      });
      return created;
    });
    return { secret, endpoint: viewOf(row) };
  }

  async list(scope: Scope, first: number, after: string | null | undefined): Promise<PageOf<WebhookEndpointView>> {
    const cursor = after && isUuid(after) ? after.toLowerCase() : null;
    if (after && !cursor) throw BadInputError.field('after', 'after is not a cursor of this list');
    const { rows, total } = await this.repository.listEndpoints(scope.em, scope.principal.organizationId, first, cursor);
    return pageOf(rows.map(viewOf), first, total);
  }

  async get(scope: Scope, id: string): Promise<WebhookEndpointView> {
    return viewOf(await this.found(scope.em, scope, id));
  }

  async update(scope: Scope, id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointView> {
    const url = input.url != null ? await assertDeliverableUrl(input.url, this.options.allowPrivateNetworks) : undefined;
    return this.change(scope, id, 'webhook_endpoint.updated', (before) => {
      const allowConfidential = input.allowConfidential ?? before.allow_confidential;
      const eventTypes = this.assertSubscribable(scope, input.eventTypes ?? before.event_types, allowConfidential);
      return {
        ...(url !== undefined ? { url } : {}),
        ...(input.eventTypes != null ? { event_types: eventTypes } : {}),
        ...(input.description !== undefined ? { description: descriptionOf(input.description) } : {}),
        ...(input.allowConfidential != null ? { allow_confidential: allowConfidential } : {}),
      };
    });
  }

  setEnabled(scope: Scope, id: string, enabled: boolean): Promise<WebhookEndpointView> {
    return this.change(scope, id, enabled ? 'webhook_endpoint.enabled' : 'webhook_endpoint.disabled', () =>
      enabled ? { status: 'ENABLED', disabled_reason: null, failing_since: null } : { status: 'DISABLED', disabled_reason: 'disabled by hand' },
    );
  }

  async delete(scope: Scope, id: string): Promise<boolean> {
    await scope.em.transactional(async (em) => {
      const endpoint = await this.found(em, scope, id, true);
      await this.repository.deleteEndpoint(em, scope.principal.organizationId, endpoint.id);
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, { action: 'webhook_endpoint.deleted', targetType: TARGET, targetId: endpoint.id, changes: { url: endpoint.url } });
    });
    return true;
  }

  async rotate(scope: Scope, id: string, previousSecretTtlSeconds: number): Promise<WebhookEndpointWithSecret> {
    if (!Number.isInteger(previousSecretTtlSeconds) || previousSecretTtlSeconds < 0 || previousSecretTtlSeconds > MAX_PREVIOUS_SECRET_TTL_SECONDS) {
      throw BadInputError.field('previousSecretTtlSeconds', `previousSecretTtlSeconds must be 0 to ${MAX_PREVIOUS_SECRET_TTL_SECONDS}`);
    }
    const secret = newWebhookSecret();
    const endpoint = await this.change(scope, id, 'webhook_endpoint.secret_rotated', (before) => ({
      encrypted_secret: encryptSecret(this.options.masterKey, secret),
      previous_encrypted_secret: previousSecretTtlSeconds > 0 ? before.encrypted_secret : null,
      previous_secret_expires_at: previousSecretTtlSeconds > 0 ? new Date(Date.now() + previousSecretTtlSeconds * 1000) : null,
    }), { previousSecretTtlSeconds });
    return { secret, endpoint };
  }

  async messages(scope: Scope, endpointId: string, first: number, after: string | null | undefined): Promise<PageOf<WebhookMessage>> {
    const endpoint = await this.found(scope.em, scope, endpointId);
    const { rows, total } = await this.repository.listMessages(scope.em, endpoint.id, first, after ?? null);
    const page = rows.slice(0, first);
    const attempts = await this.repository.attemptsOf(scope.em, page.map((m) => m.id));
    const messages = page.map((m) => messageOf(m, attempts.filter((a) => a.message_id === m.id)));
    return pageOf(messages, first, total, rows.length > first);
  }

  /** Sends the message again with the same webhook-id; audited. */
  async redeliver(scope: Scope, endpointId: string, messageId: string): Promise<boolean> {
    await scope.em.transactional(async (em) => {
      const endpoint = await this.found(em, scope, endpointId);
      if (!(await this.repository.requeueMessage(em, scope.principal.organizationId, endpoint.id, messageId))) throw new NotFoundError('WebhookMessage', messageId);
      this.options.commitHooks.afterCommit(em, this.options.onDue);
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, { action: 'webhook_message.redelivered', targetType: TARGET, targetId: endpoint.id, changes: { messageId } });
    });
    return true;
  }

  /** A sample event of `eventType` to this endpoint only, marked `"test": true`; returns its message id. */
  async sendTest(scope: Scope, endpointId: string, eventType: string): Promise<string> {
    const type = eventTypeOf(eventType);
    if (!type) throw BadInputError.field('eventType', `eventType ${eventType} is not a webhook event type`);
    return scope.em.transactional(async (em) => {
      const endpoint = await this.found(em, scope, endpointId);
      const id = await this.repository.insertMessage(em, endpoint, type.name, bodyOf({ type: type.name as WebhookEventName, data: { test: true } }));
      this.options.commitHooks.afterCommit(em, this.options.onDue);
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, { action: 'webhook_endpoint.test_sent', targetType: TARGET, targetId: endpoint.id, changes: { eventType: type.name, messageId: id } });
      return id;
    });
  }

  /**
   * The ceiling rule for subscribers: each event type needs its permission in the
   * caller's own grant, and confidential delivery needs the caller's confidential access.
   */
  private assertSubscribable(scope: Scope, eventTypes: readonly string[], allowConfidential: boolean): string[] {
    const unique = [...new Set(eventTypes)];
    if (unique.length === 0) throw BadInputError.field('eventTypes', 'eventTypes must name at least one event type');
    for (const name of unique) {
      const type = eventTypeOf(name);
      if (!type) throw BadInputError.field('eventTypes', `eventTypes: ${name} is not a webhook event type (see webhookEventTypes)`);
      if (!scope.principal.grants.has(type.permission)) {
        throw new ForbiddenError(`ceiling rule: ${name} needs ${type.permission}, which you do not have`, { rule: 'ceiling', field: 'eventTypes' });
      }
    }
    if (allowConfidential && !scope.principal.allowConfidential) {
      throw new ForbiddenError('ceiling rule: allowConfidential needs confidential access, which you do not have', { rule: 'ceiling', field: 'allowConfidential' });
    }
    return unique.sort();
  }

  private async change(
    scope: Scope,
    id: string,
    action: string,
    changesOf: (before: EndpointRow) => Parameters<WebhookRepository['updateEndpoint']>[3],
    audited: Record<string, unknown> = {},
  ): Promise<WebhookEndpointView> {
    const row = await scope.em.transactional(async (em) => {
      const before = await this.found(em, scope, id, true);
      const changes = changesOf(before);
      const after = (await this.repository.updateEndpoint(em, scope.principal.organizationId, before.id, changes))!;
      const shown = Object.fromEntries(Object.entries(changes).filter(([key]) => !key.includes('secret')));
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, { action, targetType: TARGET, targetId: before.id, changes: { ...shown, ...audited } });
      return after;
    });
    return viewOf(row);
  }

  private async found(em: EntityManager, scope: Scope, id: string, lock = false): Promise<EndpointRow> {
    const row = isUuid(id) ? await this.repository.findEndpoint(em, scope.principal.organizationId, id.toLowerCase(), lock) : null;
    if (!row) throw new NotFoundError('WebhookEndpoint', id);
    return row;
  }
}

function descriptionOf(raw: string | null | undefined): string | null {
  const value = raw?.trim() || null;
  if (value && value.length > MAX_DESCRIPTION) throw BadInputError.field('description', `description must be at most ${MAX_DESCRIPTION} characters`);
  return value;
}

export function viewOf(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    allowConfidential: row.allow_confidential,
    status: row.status as WebhookEndpointStatus,
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since,
    previousSecretExpiresAt: row.previous_secret_expires_at && row.previous_secret_expires_at > new Date() ? row.previous_secret_expires_at : null,
    ownerKind: row.owner_credential_id ? 'KEY' : 'USER',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function messageOf(row: MessageRow, attempts: { at: Date; status_code: number | null; duration_ms: number; error: string | null; response_excerpt: string | null }[]): WebhookMessage {
  return {
    id: row.id,
    eventType: row.event_type,
    createdAt: row.created_at,
    status: row.status as WebhookMessageStatus,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    attempts: attempts.map((a) => ({ at: a.at, statusCode: a.status_code, durationMs: a.duration_ms, error: a.error, responseExcerpt: a.response_excerpt })),
  };
}

function pageOf<T extends { id: string }>(rows: T[], first: number, total: number, more = rows.length > first): PageOf<T> {
  const items = rows.slice(0, first);
  const cursors = items.map((item) => item.id);
  return { items, cursors, hasNextPage: more, endCursor: cursors.at(-1) ?? null, totalCount: total };
}
