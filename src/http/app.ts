import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { adminSchema, publicSchema } from '../graphql/schemas';
import { registerFeedRoutes } from '../modules/feed/feed.route';
import type { Services } from '../services';
import { registerAdminConsoleRoute } from './admin-console-route';
import { registerCors } from './cors';
import { registerCredentialLogoRoute } from './credential-logo-route';
import { installErrorHandler } from './error-reply';
import { registerFileRoutes } from './files-route';
import { registerGraphQL } from './graphql-route';
import { registerOpsRoutes } from './ops-routes';
import { PUBLIC_GRAPHQL_PATH, registerPublicCacheHooks } from './public-cache-hooks';
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
  // Before any route: preflights are answered ahead of Apollo, and every scope inherits the hooks.
  registerCors(app, services);
  registerOpsRoutes(app, services);
  await registerGraphQL(app, services, 'admin', '/graphql', adminSchema());
  registerPublicCacheHooks(app, services);
  await registerGraphQL(app, services, 'public', PUBLIC_GRAPHQL_PATH, publicSchema());
  await registerFeedRoutes(app, services);
  await registerUploadRoutes(app, services);
  registerFileRoutes(app, services);
  registerCredentialLogoRoute(app, services);
  await registerAdminConsoleRoute(app);
  return app;
}
