import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../db/job-queue';
import { Organization } from '../organizations/entities.api';
import type { Posting } from './posting.entity';
import { hostedUrl } from './posting-urls';
import { isPubliclyVisible } from './public-visibility';
import type { SearchNotice } from './search-notice';
import { addSearchNotices } from './search-notice-outbox.repository';

/** The queue task that tells IndexNow about hosted pages; defined by the distribution module. */
export const SEARCH_NOTICE_TASK = 'search-engine-notice';

export type { SearchNotice, SearchNoticeKind } from './search-notice';

/** One destination's queue task (defined by the distribution module). */
export interface SearchNoticeRoute {
  task: string;
  /** Jobs of one queue run one at a time (Google's drain must not run twice at once). */
  queueName?: string;
}

/** What the postings module needs to write notices and hand them on (SearchNoticePump). */
export interface SearchNoticeSink {
  jobs: JobQueue;
  publicUrl: string;
  /** One per configured search engine; empty: nothing is enqueued. */
  routes: SearchNoticeRoute[];
}

/**
 * Writes the notices to the outbox, in the change's transaction; SearchNoticePump hands
 * them to each engine's job. One plain insert: no shared row is locked while the change's
 * transaction stays open.
 */
async function enqueueNotices(em: EntityManager, sink: SearchNoticeSink, notices: SearchNotice[]): Promise<void> {
  if (sink.routes.length) await addSearchNotices(em, notices);
}

/**
 * The one place a posting change becomes a search-engine notice, inside the change's
 * transaction (a rolled-back change enqueues nothing). Only a posting that is or was
 * public is announced: a draft, internal or confidential posting never is. Only the
 * hosted page, and only when the organization turned submission on: a careers site's
 * pages are that site's to announce.
 */
/** Postings that left the public set by time (from the expiry sweep): each announced as withdrawn, in the sweep's transaction. */
export async function enqueueExpiryNotices(em: EntityManager, sink: SearchNoticeSink | undefined, expired: { id: string; organizationId: string }[]): Promise<void> {
  if (!sink?.routes.length || expired.length === 0) return;
  const organizations = await em.find(Organization, { id: { $in: [...new Set(expired.map((p) => p.organizationId))] } });
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const notices: SearchNotice[] = [];
  for (const posting of expired) {
    const organization = byId.get(posting.organizationId);
    if (!organization || !submitsHostedPages(organization)) continue;
    const url = hostedUrl({ slug: organization.slug, careersSiteUrl: null }, sink.publicUrl, posting.id);
    notices.push({ organizationId: organization.id, postingId: posting.id, url, kind: 'URL_DELETED' });
  }
  if (notices.length) await enqueueNotices(em, sink, notices);
}

const submitsHostedPages = ({ settings: s }: Organization) => s.submitHostedPages && !s.careersSiteUrl && s.careersPageEnabled;

export async function enqueueSearchNotice(
  em: EntityManager,
  sink: SearchNoticeSink | undefined,
  posting: Posting,
  wasVisible: boolean,
  visible: boolean = isPubliclyVisible(posting),
): Promise<void> {
  if (!sink?.routes.length) return;
  if (!wasVisible && !visible) return;
  const organization = await em.findOneOrFail(Organization, { id: posting.organization.id });
  if (!submitsHostedPages(organization)) return;
  const notice: SearchNotice = {
    organizationId: organization.id,
    postingId: posting.id,
    url: hostedUrl({ slug: organization.slug, careersSiteUrl: null }, sink.publicUrl, posting.id),
    kind: visible ? 'URL_UPDATED' : 'URL_DELETED',
  };
  await enqueueNotices(em, sink, [notice]);
}
