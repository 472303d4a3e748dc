import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { isNotModified } from '../../../http/conditional-get';
import { scopeOfRequest } from '../../../http/scope-hook';
import { applyUrl } from '../../postings';
import type { Dialect, DialectContext } from '../dialect';
import { FeedReads } from '../indeed/feed-reads';
import type { FeedPosting } from '../indeed/feed-posting';
import { FEED_CONTENT_TYPE, feedNotFound } from '../indeed/feed.route';
import { feedEtag, feedLastModified } from '../indeed/feed-validators';
import { linkedinFeedStream } from './linkedin-document';

export const LINKEDIN_FEED_ROUTE = '/feeds/:slug/linkedin.xml';
/** Its own validator material, so the LinkedIn and Indeed documents of one state never share an ETag. */
const FORMAT_VERSION = 'linkedin-v1';

/**
 * `GET /feeds/:slug/linkedin.xml`: the organization's public jobs in LinkedIn's XML
 * job-feed format. Anonymous; off unless the organization turns it on. Same reads,
 * validators, conditional GET and compression as the Indeed feed.
 */
export async function registerLinkedinFeedRoutes(scope: FastifyInstance, { services, sites }: DialectContext, dialect: Dialect<FeedPosting, unknown>): Promise<void> {
  const { publicUrl } = services.config;
  const reads = new FeedReads(services.orm, publicUrl);
  await scope.register(compress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'] });
  // Anonymous: the feed calls as the organization its slug names (the scope hook makes the fork).
  scope.get<{ Params: { slug: string } }>(LINKEDIN_FEED_ROUTE, { config: { caller: 'org-slug' } }, async (request, reply) => {
    const site = await sites.find(request.params.slug);
    if (!site || !dialect.enabledFor(site)) return feedNotFound(reply);
    const feed = await reads.findFeed(scopeOfRequest(request).em, request.params.slug);
    if (!feed) return feedNotFound(reply);
    const etag = feedEtag(feed.state, publicUrl, FORMAT_VERSION);
    const lastModified = feedLastModified(feed.state);
    void reply.header('cache-control', 'public, max-age=300').header('etag', etag).header('last-modified', lastModified.toUTCString());
    if (isNotModified(request.headers, { etag, lastModified })) return reply.code(304).send();
    const org = feed.organization;
    const publisher = { name: feed.state.organizationName, url: feed.publisherUrl, lastBuildDate: lastModified };
    // The apply page is always our hosted one (LinkedIn sends candidates to it), even with a careers site.
    const company = {
      name: org.name,
      companyId: org.settings.linkedinCompanyId,
      applyUrl: (postingId: string) => applyUrl({ slug: org.slug, careersSiteUrl: null }, publicUrl, postingId),
    };
    const body = linkedinFeedStream(publisher, company, reads.visiblePostings(feed));
    body.on('error', (err) => request.log.error({ err }, 'linkedin feed stream failed'));
    return reply.type(FEED_CONTENT_TYPE).send(body);
  });
}
