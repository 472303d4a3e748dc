import { applyUrl } from '../../postings';
import type { Dialect } from '../dialect';
import type { FeedPosting } from '../indeed/feed-posting';
import { createFeedXmlBuilder } from '../indeed/feed-xml-builder';
import { indeedFeed } from '../indeed/indeed.dialect';
import { linkedinJobsXml } from './linkedin-job';
import { registerLinkedinFeedRoutes } from './linkedin-feed.route';

/**
 * LinkedIn's XML job feed: `/feeds/:slug/linkedin.xml`, anonymous (by slug), streamed, with
 * conditional GET; built on the Indeed feed's reads, streaming loop, escaping and validators.
 * Off unless the organization turns `linkedinFeedEnabled` on. Errors like the Indeed feed's.
 */
export const linkedinFeed: Dialect<FeedPosting, string> = {
  name: 'linkedin',
  enabledFor: (site) => site.linkedinFeedEnabled,
  // The stream (linkedin-document.ts) writes the same `<job>` elements with one builder for the whole feed.
  mapPosting: (row, site, publicUrl) =>
    linkedinJobsXml(createFeedXmlBuilder(), row, {
      name: site.name,
      companyId: site.linkedinCompanyId,
      applyUrl: (postingId) => applyUrl({ slug: site.slug, careersSiteUrl: null }, publicUrl, postingId),
    }),
  sendError: (reply, status, message, error) => indeedFeed.sendError(reply, status, message, error),
  registerRoutes: (scope, context) => registerLinkedinFeedRoutes(scope, context, linkedinFeed),
};
