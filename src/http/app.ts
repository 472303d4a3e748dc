import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { adminSchema, publicSchema } from '../graphql/schemas';
import { registerCompatRoutes } from '../modules/compat/compat.routes';
import { registerCareerPages } from '../modules/career-pages/career-pages.route';
import { registerFeedRoutes } from '../modules/feed/feed.route';
import type { Services } from '../services';
import { registerCors } from './cors';
import { registerCredentialLogoRoute } from './credential-logo-route';
import { installErrorHandler } from './error-reply';
import { registerFileRoutes } from './files-route';
import { registerGraphQL } from './graphql-route';
import { registerOpsRoutes } from './ops-routes';
import { ValidatedDocuments } from '../graphql/validated-documents';
import { registerPrincipalHook } from './principal-hook';
import { PUBLIC_GRAPHQL_PATH, publicCacheHooks } from './public-cache-hooks';
import { registerUploadRoutes } from './uploads-route';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Builds the HTTP application for one instance. Listening is the caller's choice (tests use inject or port 0). */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: services.config.trustProxy,
    // Honour a caller's x-request-id when it is sane, so logs line up across services.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    services.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    services.metrics.httpDuration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  installErrorHandler(app);
  // Before any route, in this order: the caller is resolved once, then CORS answers per the caller's organization.
  registerPrincipalHook(app, services);
  await registerCors(app, services);
  registerOpsRoutes(app, services);
  await registerGraphQL(app, services, { surface: 'admin', path: '/graphql', schema: adminSchema(), documents: new ValidatedDocuments() });
  const publicDocuments = new ValidatedDocuments();
  const cache = services.publicCache.enabled ? publicCacheHooks(services.publicCache, publicDocuments) : null;
  await registerGraphQL(app, services, {
    surface: 'public',
    path: PUBLIC_GRAPHQL_PATH,
    schema: publicSchema(),
    documents: publicDocuments,
    preHandler: cache ? [cache.preHandler] : [],
    onSend: cache ? [cache.onSend] : [],
  });
  await registerFeedRoutes(app, services);
  await registerCompatRoutes(app, services);
  await registerUploadRoutes(app, services);
  registerFileRoutes(app, services);
  registerCredentialLogoRoute(app, services);
  await registerCareerPages(app, services);
  return app;
}
