import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { FeedRepository } from './feed.repository';
import { textGuard } from '../../http/text-guard';
import { feedStream } from './feed-stream';
import { isNotModified } from '../../http/conditional-get';
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
export async function registerFeedRoutes(app: FastifyInstance, services: { orm: MikroORM; config: Config }): Promise<void> {
  const repository = new FeedRepository(services.orm, services.config.publicUrl);
  await app.register(async (scope) => {
    await scope.register(compress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'] });
    // A slug or query with bad text is the client's mistake (400), not a query PostgreSQL refuses (500).
    scope.addHook('preValidation', textGuard());

    scope.get<{ Params: { slug: string } }>(FEED_ROUTE, async (request, reply) => {
      const feed = await repository.findFeed(request.params.slug);
      if (!feed) return feedNotFound(reply);
      const etag = feedEtag(feed.state, services.config.publicUrl);
      const lastModified = feedLastModified(feed.state);
      void reply.header('cache-control', 'public, max-age=300').header('etag', etag).header('last-modified', lastModified.toUTCString());
      if (isNotModified(request.headers, { etag, lastModified })) return reply.code(304).send();
      const publisher = { name: feed.state.organizationName, url: feed.publisherUrl, lastBuildDate: lastModified };
      const body = feedStream(publisher, repository.visiblePostings(feed));
      body.on('error', (err) => request.log.error({ err }, 'feed stream failed'));
      return reply.type(FEED_CONTENT_TYPE).send(body);
    });
  });
}
