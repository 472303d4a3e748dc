import type { WebhookEventName } from './event-types';

/** Payloads stay thin: ids, state, URLs and times; never candidate PII. Standard Webhooks recommends < 20 kB. */
export const MAX_PAYLOAD_BYTES = 20 * 1024;

/** A change to tell subscribers about, built by the module that made it. */
export interface WebhookEvent {
  organizationId: string;
  type: WebhookEventName;
  data: Record<string, unknown>;
  /** Confidential data (a confidential posting, an application to one): only endpoints with allowConfidential. */
  confidential?: boolean;
  /** Only endpoints without allowConfidential (a posting that became confidential left only their view). */
  withoutConfidentialOnly?: boolean;
}

/** The body every receiver gets: `{ type, timestamp, data }`, serialized once so every attempt signs the same bytes. */
export function bodyOf(event: Pick<WebhookEvent, 'type' | 'data'>, at: Date = new Date()): string {
  const body = JSON.stringify({ type: event.type, timestamp: at.toISOString(), data: event.data });
  if (Buffer.byteLength(body) > MAX_PAYLOAD_BYTES) throw new Error(`webhook payload of ${event.type} exceeds ${MAX_PAYLOAD_BYTES} bytes`);
  return body;
}
