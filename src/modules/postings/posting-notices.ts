import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../db/job-queue';
import { Organization } from '../organizations/entities.api';
import type { Posting } from './posting.entity';
import { hostedUrl } from './posting-urls';
import { isPubliclyVisible } from './public-visibility';

/** The queue task that tells search engines (IndexNow) about hosted pages; defined by the distribution module. */
export const SEARCH_NOTICE_TASK = 'search-engine-notice';

export type SearchNoticeKind = 'URL_UPDATED' | 'URL_DELETED';

/** One hosted page to announce. Jobs of this task hold an array of these, merged while waiting (graphile-worker batch jobs). */
export interface SearchNotice {
  organizationId: string;
  postingId: string;
  url: string;
  kind: SearchNoticeKind;
}

/** What the postings service needs to enqueue notices. */
export interface SearchNoticeSink {
  jobs: JobQueue;
  publicUrl: string;
  /** False when no search engine endpoint is configured: nothing is enqueued. */
  enabled: boolean;
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
  if (!sink?.enabled || expired.length === 0) return;
  const organizations = await em.find(Organization, { id: { $in: [...new Set(expired.map((p) => p.organizationId))] } });
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const notices: SearchNotice[] = [];
  for (const posting of expired) {
    const organization = byId.get(posting.organizationId);
    if (!organization || !submitsHostedPages(organization)) continue;
    const url = hostedUrl({ slug: organization.slug, careersSiteUrl: null }, sink.publicUrl, posting.id);
    notices.push({ organizationId: organization.id, postingId: posting.id, url, kind: 'URL_DELETED' });
  }
  if (notices.length) await sink.jobs.add(em, SEARCH_NOTICE_TASK, notices, { jobKey: SEARCH_NOTICE_TASK, maxAttempts: 10 });
}

const submitsHostedPages = ({ settings: s }: Organization) => s.submitHostedPages && !s.careersSiteUrl && s.careersPageEnabled;

export async function enqueueSearchNotice(
  em: EntityManager,
  sink: SearchNoticeSink | undefined,
  posting: Posting,
  wasVisible: boolean,
  visible: boolean = isPubliclyVisible(posting),
): Promise<void> {
  if (!sink?.enabled) return;
  if (!wasVisible && !visible) return;
  const organization = await em.findOneOrFail(Organization, { id: posting.organization.id });
  if (!submitsHostedPages(organization)) return;
  const notice: SearchNotice = {
    organizationId: organization.id,
    postingId: posting.id,
    url: hostedUrl({ slug: organization.slug, careersSiteUrl: null }, sink.publicUrl, posting.id),
    kind: visible ? 'URL_UPDATED' : 'URL_DELETED',
  };
  // One waiting job collects every notice (array payloads merge on the same job key): one POST per batch.
  await sink.jobs.add(em, SEARCH_NOTICE_TASK, [notice], { jobKey: SEARCH_NOTICE_TASK, maxAttempts: 10 });
}
