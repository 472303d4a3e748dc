import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../db/job-queue';
import type { WebhookDelivery } from './webhook-delivery';
import { WebhookRepository } from './webhook.repository';
import { DELIVER_TASK, type WebhookService } from './webhook.service';

/** Days before expiry at which `credential.expiring` is sent. */
const EXPIRY_WARNINGS_DAYS = [7, 1];
/** The expiry check runs hourly; each run covers the hour since the previous one. */
const EXPIRY_CHECK_WINDOW_SECONDS = 3600;

/**
 * The queue tasks of webhooks: one delivery attempt per job; a once-a-minute recovery
 * of messages whose job died with its instance (kill -9 mid-delivery: at-least-once,
 * same webhook-id); the hourly `credential.expiring` check.
 */
export function registerWebhookTasks(jobs: JobQueue, orm: MikroORM, webhooks: WebhookService, delivery: WebhookDelivery): void {
  const repository = new WebhookRepository();
  jobs.define(DELIVER_TASK, async (payload) => {
    const { messageId } = payload as { messageId: string };
    await delivery.deliver(messageId);
  });
  jobs.every('* * * * *', 'webhook-recover', async () => void (await delivery.recoverStranded()));
  jobs.every('0 * * * *', 'credential-expiring', async () => {
    await orm.em.fork().transactional(async (em) => {
      for (const days of EXPIRY_WARNINGS_DAYS) {
        for (const key of await repository.credentialsExpiringIn(em, days, EXPIRY_CHECK_WINDOW_SECONDS)) {
          await webhooks.enqueueFor(em, {
            organizationId: key.organization_id,
            type: 'credential.expiring',
            data: { id: key.id, expiresAt: new Date(key.expires_at).toISOString(), daysLeft: days },
          });
        }
      }
    });
  });
}
