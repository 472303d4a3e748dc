import { systemFork } from '../../db/request-scope';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../db/job-queue';
import type { WebhookDelivery } from './webhook-delivery';
import { DELIVER_TASK } from './webhook-pump';
import type { WebhookService } from './webhook.service';

/**
 * The queue tasks of webhooks: one batch of delivery attempts per job; a once-a-minute
 * recovery of messages whose job died with its instance (kill -9 mid-delivery:
 * at-least-once, same webhook-id); the hourly `credential.expiring` check.
 */
export function registerWebhookTasks(jobs: JobQueue, orm: MikroORM, webhooks: WebhookService, delivery: WebhookDelivery): void {
  jobs.define(DELIVER_TASK, async (payload) => {
    // A job from before batches carried one messageId: that message is batched again by the pumps.
    const { batch } = payload as { batch?: string };
    if (batch) await delivery.deliverBatch(batch);
  });
  jobs.every('* * * * *', 'webhook-recover', async () => void (await delivery.recoverStranded()));
  jobs.every('0 * * * *', 'credential-expiring', async () => systemFork(orm).transactional((em) => webhooks.checkExpiringCredentials(em)));
}
