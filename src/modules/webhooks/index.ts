/** The webhooks module's facade: what other modules and the composition root use. */
export { WebhookService } from './webhook.service';
export { WebhookPump, DELIVER_TASK } from './webhook-pump';
export { WebhookDueSignal } from './webhook-due-signal';
export type { WebhookEvent } from './webhook-event';
export { WEBHOOK_EVENT_TYPES, type WebhookEventName, type WebhookEventType } from './event-types';
export { WebhookDelivery, type DeliveryOutcome } from './webhook-delivery';
export { WebhookSender } from './webhook-sender';
export { WebhookResolver } from './webhook.resolver';
export { registerWebhookTasks } from './webhook-tasks';
export { WebhookMetrics } from './webhook-metrics';
export { SUBSCRIBED_SQL } from './subscribers-sql';
