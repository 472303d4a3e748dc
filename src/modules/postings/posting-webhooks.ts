import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookEvent, WebhookService } from '../webhooks';
import { Organization } from '../organizations';
import { applyUrl, hostedUrl } from './posting-urls';
import { isPubliclyVisible } from './public-visibility';
import { PostingState } from './posting-enums';

/** What a posting event needs of a posting (before or after the change). */
export type PostingSnapshot = { id: string; state: PostingState; confidential: boolean; expiresAt: Date | null; updatedAt?: Date };

/** A published, unexpired posting: visible to someone (the public, or confidential subscribers). */
const isPublished = (p: PostingSnapshot) => p.state === PostingState.PUBLISHED && (p.expiresAt === null || p.expiresAt > new Date());

/**
 * Turns one posting change into its webhook events, enqueued on the change's
 * transaction. `before` is null for a new posting, `after` null for a deleted one.
 * A confidential posting's events go to allowConfidential endpoints only; a posting
 * made confidential is `posting.unpublished` for the others (it left their view).
 */
export async function enqueuePostingEvents(
  em: EntityManager,
  webhooks: WebhookService,
  publicUrl: string,
  organizationId: string,
  before: PostingSnapshot | null,
  after: PostingSnapshot | null,
): Promise<void> {
  const was = before !== null && isPublished(before);
  const is = after !== null && isPublished(after);
  if (!was && !is) return;
  const current = (after ?? before)!;
  const data = await dataOf(em, publicUrl, organizationId, current, after === null);
  const send = (type: WebhookEvent['type'], scope: Pick<WebhookEvent, 'confidential' | 'withoutConfidentialOnly'>) =>
    webhooks.enqueueFor(em, { organizationId, type, data: { ...data, reason: reasonOf(type, before, after) }, ...scope });
  if (!was && is) return send('posting.published', { confidential: after!.confidential });
  if (was && !is) return send('posting.unpublished', { confidential: before!.confidential });
  // Published before and after: an edit, unless confidentiality flipped.
  if (!before!.confidential && after!.confidential) {
    await send('posting.unpublished', { withoutConfidentialOnly: true });
    return send('posting.updated', { confidential: true });
  }
  if (before!.confidential && !after!.confidential) {
    await send('posting.published', { withoutConfidentialOnly: true });
    return send('posting.updated', { confidential: true });
  }
  return send('posting.updated', { confidential: after!.confidential });
}

function reasonOf(type: WebhookEvent['type'], before: PostingSnapshot | null, after: PostingSnapshot | null): string | undefined {
  if (type !== 'posting.unpublished') return undefined;
  if (after === null) return 'deleted';
  if (after.confidential && !before?.confidential) return 'confidential';
  if (after.state !== PostingState.PUBLISHED) return after.state.toLowerCase();
  return 'expired';
}

async function dataOf(em: EntityManager, publicUrl: string, organizationId: string, posting: PostingSnapshot, deleted: boolean) {
  const org = await em.findOneOrFail(Organization, { id: organizationId });
  const base = { slug: org.slug, careersSiteUrl: org.settings.careersSiteUrl ?? null };
  return {
    id: posting.id,
    state: deleted ? 'DELETED' : posting.state,
    confidential: posting.confidential,
    hostedUrl: hostedUrl(base, publicUrl, posting.id),
    applyUrl: applyUrl(base, publicUrl, posting.id),
    updatedAt: (posting.updatedAt ?? new Date()).toISOString(),
    publiclyVisible: !deleted && isPubliclyVisible(posting),
  };
}
