import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { CareerServices } from './career-services';
import { ServiceUnavailableError } from '../../errors';
import { knownError } from '../../http/error-reply';
import { MAX_UPLOAD_BYTES } from '../uploads';
import { applyFormHandler, applySubmitHandler, thanksHandler } from './apply.handler';
import { boardHandler } from './board.handler';
import { CareerContext } from './career-context';
import { landingHandler, logoHandler, robotsHandler, schemaDocuments, sitemapHandler } from './discovery.handler';
import { STYLESHEET_PATH } from './page-headers';
import { postingHandler } from './posting.handler';
import { STYLESHEET } from './views/styles';
import { textGuard } from '../../http/text-guard';
import { sendBadTextPage } from './bad-text-page';

/** A resume plus a few attachments and the text fields. */
const APPLY_BODY_LIMIT = 3 * MAX_UPLOAD_BYTES + 1024 * 1024;

type SlugParams = { Params: { slug: string } };
type PostingParams = { Params: { slug: string; postingId: string }; Querystring: Record<string, unknown> };

/**
 * The hosted career pages: server-rendered HTML on the public API's services (one
 * visibility rule, one application validation, one apply limit, one response cache).
 * Multipart parsing is registered in this plugin's scope only; the pages set no cookie (cookies are parsed app-wide for the console, build-app.ts).
 */
export async function registerCareerPages(app: FastifyInstance, services: CareerServices): Promise<void> {
  const ctx = new CareerContext(services);
  const docs = schemaDocuments();
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 8, fields: 100, parts: 120, fieldSize: 20_000, headerPairs: 100 } });
    // Bad text in a path, a query or a form is refused before any handler looks it up.
    scope.addHook('preValidation', textGuard((_request, reply, problems) => sendBadTextPage(reply, problems)));

    // A database or file store outage is a page saying "try again shortly" (503/507 + Retry-After), not the JSON of the API;
    // anything else goes on to the app's handler (rethrown errors reach the parent scope's handler).
    scope.setErrorHandler((error, request, reply) => {
      const outage = knownError(error, request.log);
      if (outage instanceof ServiceUnavailableError) return ctx.unavailable(reply, outage);
      throw error;
    });
    scope.get('/', (request, reply) => landingHandler(ctx, request, reply));
    scope.get('/robots.txt', (request, reply) => robotsHandler(ctx, request, reply));
    scope.get(STYLESHEET_PATH, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET));
    scope.get<{ Params: { name: string } }>('/docs/schema/:name', async (request, reply) => {
      const doc = docs.get(request.params.name);
      if (!doc) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
      return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(doc);
    });
    // `/jobs/acme/` is the same board (links pasted with a slash); only the board, whose relative links do not depend on it.
    // Every board page calls as the organization its slug names (the scope hook makes the principal and the fork).
    const bySlug = { config: { caller: 'org-slug' as const } };
    for (const path of ['/jobs/:slug', '/jobs/:slug/']) {
      scope.get<SlugParams & { Querystring: Record<string, unknown> }>(path, bySlug, (request, reply) => boardHandler(ctx, request, reply));
    }
    scope.get<SlugParams>('/jobs/:slug/sitemap.xml', bySlug, (request, reply) => sitemapHandler(ctx, request, reply));
    scope.get<SlugParams>('/jobs/:slug/logo.png', bySlug, (request, reply) => logoHandler(ctx, request, reply));
    scope.get<PostingParams>('/jobs/:slug/:postingId', bySlug, (request, reply) => postingHandler(ctx, request, reply));
    scope.get<PostingParams>('/jobs/:slug/:postingId/apply', bySlug, (request, reply) => applyFormHandler(ctx, request, reply));
    scope.post<PostingParams>('/jobs/:slug/:postingId/apply', { ...bySlug, bodyLimit: APPLY_BODY_LIMIT }, (request, reply) => applySubmitHandler(ctx, request, reply));
    scope.get<PostingParams>('/jobs/:slug/:postingId/thanks', bySlug, (request, reply) => thanksHandler(ctx, request, reply));
  });
}
