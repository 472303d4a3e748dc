import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FeedReads } from './feed-reads';
import type { Dialect, DialectContext } from '../dialect';
import type { FeedPosting } from './feed-posting';
import { feedStream } from './feed-stream';
import { isNotModified } from '../../../http/conditional-get';
import { scopeOfRequest } from '../../../http/scope-hook';
import { feedEtag, feedLastModified } from './feed-validators';

export const FEED_ROUTE = '/feeds/:slug.xml';
export const FEED_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** Same answer for "no such organization" and "feed switched off", so the route does not reveal which. */
export function feedNotFound(reply: FastifyReply) {
  return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Feed not found\n');
}

/**
 * `GET /feeds/:slug.xml`: the organization's public jobs in Indeed's XML format, for
 * job boards. Anonymous. Compression is registered inside this plugin only, so the
 * GraphQL routes keep their own behaviour.
 */
export async function registerFeedRoutes(scope: FastifyInstance, { services, sites }: DialectContext, feedDialect: Dialect<FeedPosting, string>): Promise<void> {
  const reads = new FeedReads(services.orm, services.config.publicUrl);
  await scope.register(compress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'] });
  // Anonymous: the feed calls as the organization its slug names (the scope hook makes the fork).
  scope.get<{ Params: { slug: string } }>(FEED_ROUTE, { config: { caller: 'org-slug' } }, async (request, reply) => {
    const site = await sites.find(request.params.slug);
    if (!site || !feedDialect.enabledFor(site)) return feedNotFound(reply);
    const feed = await reads.findFeed(scopeOfRequest(request).em, request.params.slug);
    if (!feed) return feedNotFound(reply);
    const etag = feedEtag(feed.state, services.config.publicUrl);
    const lastModified = feedLastModified(feed.state);
    void reply.header('cache-control', 'public, max-age=300').header('etag', etag).header('last-modified', lastModified.toUTCString());
    if (isNotModified(request.headers, { etag, lastModified })) return reply.code(304).send();
    const publisher = { name: feed.state.organizationName, url: feed.publisherUrl, lastBuildDate: lastModified };
    const body = feedStream(publisher, reads.visiblePostings(feed));
    body.on('error', (err) => request.log.error({ err }, 'feed stream failed'));
    return reply.type(FEED_CONTENT_TYPE).send(body);
  });
}
