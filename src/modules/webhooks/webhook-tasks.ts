import { systemFork } from '../../db/request-scope';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../db/job-queue';
import type { WebhookDelivery } from './webhook-delivery';
import { DELIVER_TASK, type WebhookService } from './webhook.service';

/**
 * The queue tasks of webhooks: one delivery attempt per job; a once-a-minute recovery
 * of messages whose job died with its instance (kill -9 mid-delivery: at-least-once,
 * same webhook-id); the hourly `credential.expiring` check.
 */
export function registerWebhookTasks(jobs: JobQueue, orm: MikroORM, webhooks: WebhookService, delivery: WebhookDelivery): void {
  jobs.define(DELIVER_TASK, async (payload) => {
    const { messageId } = payload as { messageId: string };
    await delivery.deliver(messageId);
  });
  jobs.every('* * * * *', 'webhook-recover', async () => void (await delivery.recoverStranded()));
  jobs.every('0 * * * *', 'credential-expiring', async () => systemFork(orm).transactional((em) => webhooks.checkExpiringCredentials(em)));
}
