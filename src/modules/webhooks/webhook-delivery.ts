import { systemFork } from '../../db/request-scope';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { CatalogRef } from '../../auth/credential-grants';
import { recordAudit } from '../audit';
import { decryptSecret } from '../credentials';
import { eventTypeOf } from './event-types';
import { ownerReach } from './owner-reach';
import type { DeliveryResponse, WebhookSender } from './webhook-sender';
import { signedHeaders } from './webhook-signature';
import { WebhookRepository, type AttemptRow, type EndpointRow, type MessageRow } from './webhook.repository';

/** An endpoint whose every delivery has failed for this long is disabled. */
const FAILING_DISABLE_MS = 5 * 24 * 3600 * 1000;
/** Longer than the 15 s timeout: a DELIVERING message past it was lost with its instance. */
export const LEASE_SECONDS = 30;

export type DeliveryOutcome = 'delivered' | 'failed' | 'retrying' | 'suppressed' | 'gone' | 'skipped';

/** Unclaimed this long after a pump batched it, a message's job is taken as lost (see releaseStranded). */
const QUEUED_GRACE_SECONDS = 120;
/** Due this long and still not batched, a message lost the wake-up it was waiting for. */
const OVERDUE_SECONDS = 5;

export interface DeliveryOptions {
  masterKey: Buffer;
  retryScheduleSeconds: readonly number[];
  catalog: CatalogRef;
  onOutcome?: (outcome: DeliveryOutcome) => void;
  /** Wakes the pumps (released messages are due at once). */
  onDue?: () => void;
  /** A retry is due at this time: this instance's pump wakes for it. */
  onRetry?: (at: Date) => void;
}

/** One endpoint as a batch sees it, read once per batch with its owner's reach; no endpoint when deleted or disabled. */
interface Target {
  endpoint: EndpointRow | null;
  reach: ReturnType<typeof ownerReach>;
}
const NO_TARGET: Target = { endpoint: null, reach: null };

/**
 * One attempt of each message of one batch: claim the batch (a lease, so the recovery
 * task leaves it alone while in flight), check each owner's current reach, sign with the
 * standardwebhooks package, POST them all at once, then record every 2xx in one
 * statement; failures are settled one by one and wait for their turn on the retry
 * schedule (or Retry-After). The HTTP calls happen outside any transaction.
 */
export class WebhookDelivery {
  private readonly repository = new WebhookRepository();

  constructor(
    private readonly orm: MikroORM,
    private readonly sender: WebhookSender,
    private readonly logger: Logger,
    private readonly options: DeliveryOptions,
  ) {}

  async deliverBatch(batch: string): Promise<DeliveryOutcome[]> {
    const messages = await this.repository.claimBatch(systemFork(this.orm), batch, LEASE_SECONDS);
    if (messages.length === 0) return [];
    const targets = await this.targetsOf(messages);
    const delivered: AttemptRow[] = [];
    const outcomes = await Promise.all(messages.map((message) => this.attempt(targets.get(message.endpoint_id) ?? NO_TARGET, message, delivered)));
    await this.repository.recordDelivered(systemFork(this.orm), delivered);
    for (const outcome of outcomes) this.options.onOutcome?.(outcome);
    return outcomes;
  }

  /** Each endpoint of the batch, read once with its owner's reach as it is now. */
  private async targetsOf(messages: readonly MessageRow[]): Promise<Map<string, Target>> {
    const found = await this.repository.endpointsWithOwners(systemFork(this.orm), [...new Set(messages.map((m) => m.endpoint_id))]);
    const targets = new Map<string, Target>();
    for (const [id, { endpoint, owner }] of found) {
      if (endpoint.status === 'ENABLED') targets.set(id, { endpoint, reach: ownerReach(owner, this.options.catalog) });
    }
    return targets;
  }

  /** One message's attempt; a 2xx is only pushed onto `delivered`, which the batch records at once. */
  private async attempt({ endpoint, reach }: Target, message: MessageRow, delivered: AttemptRow[]): Promise<DeliveryOutcome> {
    if (!endpoint) {
      await this.repository.settleMessage(systemFork(this.orm), message.id, 'FAILED', null);
      return 'skipped';
    }
    const refusal = refusalOf(reach, endpoint, message);
    if (refusal) {
      await systemFork(this.orm).transactional(async (tx) => {
        await this.repository.recordAttempt(tx, { message_id: message.id, at: new Date(), status_code: null, duration_ms: 0, error: refusal, response_excerpt: null });
        await this.repository.settleMessage(tx, message.id, 'SUPPRESSED', null);
      });
      return 'suppressed';
    }
    const at = new Date();
    const headers = signedHeaders(message.id, at, message.body, this.secretsOf(endpoint, at));
    const response = await this.sender.send(endpoint.url, headers, message.body);
    const ok = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    const attempt: AttemptRow = {
      message_id: message.id,
      at,
      status_code: response.statusCode,
      duration_ms: response.durationMs,
      error: response.error ?? (ok ? null : `HTTP ${response.statusCode}`),
      response_excerpt: response.excerpt,
    };
    if (ok) {
      delivered.push(attempt);
      return 'delivered';
    }
    return this.settleFailure(endpoint, message, attempt, response);
  }

  private secretsOf(endpoint: EndpointRow, at: Date): string[] {
    const secrets = [decryptSecret(this.options.masterKey, endpoint.encrypted_secret)];
    if (endpoint.previous_encrypted_secret && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > at) {
      secrets.push(decryptSecret(this.options.masterKey, endpoint.previous_encrypted_secret));
    }
    return secrets;
  }

  private settleFailure(endpoint: EndpointRow, message: MessageRow, attempt: AttemptRow, response: DeliveryResponse): Promise<DeliveryOutcome> {
    return systemFork(this.orm).transactional(async (em) => {
      await this.repository.recordAttempt(em, attempt);
      if (response.statusCode === 410) {
        await this.repository.settleMessage(em, message.id, 'FAILED', null);
        await this.disable(em, endpoint, 'the receiver answered 410 Gone');
        return 'gone';
      }
      const failingSince = await this.repository.markFailing(em, endpoint.id);
      if (Date.now() - failingSince.getTime() >= FAILING_DISABLE_MS) {
        await this.repository.settleMessage(em, message.id, 'FAILED', null);
        await this.disable(em, endpoint, 'every delivery failed for 5 days');
        return 'failed';
      }
      const delay = this.nextDelaySeconds(message.attempt_count, response);
      if (delay === null) {
        await this.repository.settleMessage(em, message.id, 'FAILED', null);
        return 'failed';
      }
      // PENDING and due later: a pump batches it again when that time comes.
      const next = new Date(Date.now() + delay * 1000);
      await this.repository.settleMessage(em, message.id, 'PENDING', next);
      this.options.onRetry?.(next);
      return 'retrying';
    });
  }

  /**
   * Seconds until the next attempt after attempt number `attempts` failed: the schedule's
   * entry with ±10 % jitter, or the receiver's Retry-After on 429/503 (if longer); null when
   * the schedule is exhausted.
   */
  private nextDelaySeconds(attempts: number, response: DeliveryResponse): number | null {
    const scheduled = this.options.retryScheduleSeconds[attempts - 1];
    if (scheduled === undefined) return null;
    const jittered = scheduled * (0.9 + Math.random() * 0.2);
    const honoured = (response.statusCode === 429 || response.statusCode === 503) && response.retryAfterSeconds !== null ? response.retryAfterSeconds : 0;
    return Math.max(jittered, honoured);
  }

  private async disable(em: ReturnType<MikroORM['em']['fork']>, endpoint: EndpointRow, reason: string): Promise<void> {
    if (!(await this.repository.disableEndpoint(em, endpoint.id, reason))) return;
    recordAudit(em, endpoint.organization_id, null, null, { action: 'webhook_endpoint.disabled', targetType: 'WebhookEndpoint', targetId: endpoint.id, changes: { reason } });
    this.logger.warn({ endpointId: endpoint.id, reason }, 'webhook endpoint disabled');
  }

  /** Makes messages whose job was lost due again (see releaseStranded); the pumps take them from there. */
  async recoverStranded(): Promise<number> {
    const { released, overdue } = await this.repository.releaseStranded(systemFork(this.orm), QUEUED_GRACE_SECONDS, OVERDUE_SECONDS);
    // Overdue: a retry whose instance died before its timer woke a pump.
    if (released > 0 || overdue > 0) this.options.onDue?.();
    return released;
  }
}

/** Why the owner may no longer receive this message, or null when it may. */
function refusalOf(reach: Target['reach'], endpoint: EndpointRow, message: MessageRow): string | null {
  if (!reach) return 'the endpoint\'s owner is revoked, expired or deactivated';
  const permission = eventTypeOf(message.event_type)?.permission;
  if (!permission || !reach.grants.has(permission)) return `the endpoint's owner no longer holds ${permission ?? 'a permission for this event'}`;
  if (message.confidential && !(endpoint.allow_confidential && reach.confidential)) return 'the endpoint\'s owner no longer has confidential access';
  return null;
}
