import type { Dialect } from '../dialect';
import { postingJobsXml } from './feed-job';
import type { FeedPosting } from './feed-posting';
import { createFeedXmlBuilder } from './feed-xml-builder';
import { registerFeedRoutes } from './feed.route';

/** Indeed's XML job feed: `/feeds/:slug.xml`, anonymous (by slug), streamed, with conditional GET. Errors in the service's own JSON shape. */
export const indeedFeed: Dialect<FeedPosting, string> = {
  name: 'indeed',
  enabledFor: (site) => site.feedEnabled,
  // The stream (feed-stream.ts) writes the same `<job>` elements with one builder for the whole feed.
  mapPosting: (row, site) => postingJobsXml(createFeedXmlBuilder(), row, site.name),
  sendError(reply, status, message, error) {
    const code = error?.code ?? (status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    return reply.status(status).send({ error: { code, message, ...error?.extensions } });
  },
  registerRoutes: (scope, context) => registerFeedRoutes(scope, context, indeedFeed),
};
