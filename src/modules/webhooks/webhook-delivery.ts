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
import { WebhookRepository, type EndpointRow, type MessageRow } from './webhook.repository';

/** An endpoint whose every delivery has failed for this long is disabled. */
const FAILING_DISABLE_MS = 5 * 24 * 3600 * 1000;
/** Longer than the 15 s timeout: a DELIVERING message past it was lost with its instance. */
export const LEASE_SECONDS = 30;

export type DeliveryOutcome = 'delivered' | 'failed' | 'retrying' | 'suppressed' | 'gone' | 'skipped';

export interface DeliveryOptions {
  masterKey: Buffer;
  retryScheduleSeconds: readonly number[];
  catalog: CatalogRef;
  /** Schedules the next attempt of a message on `em` (the delivery job, keyed by message). */
  enqueue: (em: Parameters<WebhookRepository['claimMessage']>[0], messageId: string, runAt?: Date) => Promise<void>;
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

/**
 * One attempt of one message: claim it (a lease, so no second worker sends it at
 * once), check the owner's current reach, sign with the standardwebhooks package,
 * POST, record the attempt, then settle or schedule the next attempt on the retry
 * schedule (or Retry-After). The HTTP call happens outside any transaction.
 */
export class WebhookDelivery {
  private readonly repository = new WebhookRepository();

  constructor(
    private readonly orm: MikroORM,
    private readonly sender: WebhookSender,
    private readonly logger: Logger,
    private readonly options: DeliveryOptions,
  ) {}

  async deliver(messageId: string): Promise<DeliveryOutcome> {
    const em = systemFork(this.orm);
    const message = await this.repository.claimMessage(em, messageId, LEASE_SECONDS);
    if (!message) return this.outcome('skipped');
    const endpoint = await this.repository.findEndpointById(em, message.endpoint_id);
    if (!endpoint || endpoint.status !== 'ENABLED') {
      await this.repository.settleMessage(em, message.id, 'FAILED', null);
      return this.outcome('skipped');
    }
    const refusal = await this.refusal(em, endpoint, message);
    if (refusal) {
      await em.transactional(async (tx) => {
        await this.repository.recordAttempt(tx, { message_id: message.id, at: new Date(), status_code: null, duration_ms: 0, error: refusal, response_excerpt: null });
        await this.repository.settleMessage(tx, message.id, 'SUPPRESSED', null);
      });
      return this.outcome('suppressed');
    }
    const at = new Date();
    const headers = signedHeaders(message.id, at, message.body, this.secretsOf(endpoint, at));
    const response = await this.sender.send(endpoint.url, headers, message.body);
    return this.outcome(await this.settle(endpoint, message, at, response));
  }

  /** Why the owner may no longer receive this message, or null when it may. */
  private async refusal(em: ReturnType<MikroORM['em']['fork']>, endpoint: EndpointRow, message: MessageRow): Promise<string | null> {
    const reach = ownerReach(await this.repository.ownerOf(em, endpoint), this.options.catalog);
    if (!reach) return 'the endpoint\'s owner is revoked, expired or deactivated';
    const permission = eventTypeOf(message.event_type)?.permission;
    if (!permission || !reach.grants.has(permission)) return `the endpoint's owner no longer holds ${permission ?? 'a permission for this event'}`;
    if (message.confidential && !(endpoint.allow_confidential && reach.confidential)) return 'the endpoint\'s owner no longer has confidential access';
    return null;
  }

  private secretsOf(endpoint: EndpointRow, at: Date): string[] {
    const secrets = [decryptSecret(this.options.masterKey, endpoint.encrypted_secret)];
    if (endpoint.previous_encrypted_secret && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > at) {
      secrets.push(decryptSecret(this.options.masterKey, endpoint.previous_encrypted_secret));
    }
    return secrets;
  }

  private async settle(endpoint: EndpointRow, message: MessageRow, at: Date, response: DeliveryResponse): Promise<DeliveryOutcome> {
    const ok = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    const attempt = {
      message_id: message.id,
      at,
      status_code: response.statusCode,
      duration_ms: response.durationMs,
      error: response.error ?? (ok ? null : `HTTP ${response.statusCode}`),
      response_excerpt: response.excerpt,
    };
    if (ok) {
      await this.repository.recordDelivered(systemFork(this.orm), attempt);
      return 'delivered';
    }
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
      const next = new Date(Date.now() + delay * 1000);
      await this.repository.settleMessage(em, message.id, 'PENDING', next);
      await this.options.enqueue(em, message.id, next);
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

  /** Re-enqueues messages whose job was lost with a killed instance (lease expired) or never ran. */
  async recoverStranded(): Promise<number> {
    const em = systemFork(this.orm);
    const ids = await this.repository.strandedMessages(em, 60, 500);
    for (const id of ids) await this.options.enqueue(em, id);
    return ids.length;
  }

  private outcome(outcome: DeliveryOutcome): DeliveryOutcome {
    this.options.onOutcome?.(outcome);
    return outcome;
  }
}
