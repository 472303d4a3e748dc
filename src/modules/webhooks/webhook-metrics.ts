import { systemFork } from '../../db/request-scope';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DeliveryOutcome } from './webhook-delivery';
import { WebhookRepository } from './webhook.repository';

/** /metrics: deliveries by outcome (this instance), open messages and the age of the oldest due one (all instances). */
export class WebhookMetrics {
  private readonly deliveries: Counter<'outcome'>;

  constructor(registry: Registry, orm: MikroORM) {
    const repository = new WebhookRepository();
    this.deliveries = new Counter({ name: 'jobgate_webhook_deliveries_total', help: 'Webhook delivery attempts by outcome.', labelNames: ['outcome'], registers: [registry] });
    let backlog: Promise<{ open: number; oldestDueSeconds: number }> | null = null;
    // Both gauges read one query per scrape.
    const read = () => (backlog ??= repository.backlog(systemFork(orm)).finally(() => setTimeout(() => (backlog = null), 0)));
    new Gauge({
      name: 'jobgate_webhook_messages_open',
      help: 'Webhook messages waiting for delivery or being delivered.',
      registers: [registry],
      async collect() {
        this.set((await read()).open);
      },
    });
    new Gauge({
      name: 'jobgate_webhook_oldest_due_seconds',
      help: 'Age of the oldest webhook message that is due and not delivered yet.',
      registers: [registry],
      async collect() {
        this.set((await read()).oldestDueSeconds);
      },
    });
  }

  record(outcome: DeliveryOutcome): void {
    this.deliveries.inc({ outcome });
  }
}
