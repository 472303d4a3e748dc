import { useApiQuery } from './hooks';
import { WebhookAccessDocument } from './webhook-operations';

/** The cache key of every webhooks query; mutations refresh it. */
export const WEBHOOKS_KEY = ['webhooks'];

export interface WebhookAccess {
  /** Known once the server answered; until then nothing webhook-related is offered. */
  ready: boolean;
  may(operation: string): boolean;
  /** Whether the user may set allowConfidential (confidential access). */
  allowConfidential: boolean;
}

/** What the signed-in user may do with webhooks, as the server says; the server still decides each call. */
export function useWebhookAccess(): WebhookAccess {
  const query = useApiQuery(['webhook-access'], WebhookAccessDocument, {});
  const access = query.data?.webhookAccess;
  const operations = new Set(access?.operations ?? []);
  return { ready: access !== undefined, may: (operation) => operations.has(operation), allowConfidential: access?.allowConfidential ?? false };
}
