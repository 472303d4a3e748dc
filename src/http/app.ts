import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { adminSchema, publicSchema } from '../graphql/schemas';
import { registerFeedRoutes } from '../modules/feed/feed.route';
import type { Services } from '../services';
import { registerCors } from './cors';
import { registerCredentialLogoRoute } from './credential-logo-route';
import { registerDrainHooks } from './drain';
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
    // Drain (SIGTERM): idle keep-alive sockets are closed at once, a request that
    // still arrives on an open connection gets 503 + `Connection: close` (Fastify),
    // and responses in flight say `Connection: close` (below), so no client reuses
    // a socket that is about to go away and sees a reset instead of an answer.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  registerDrainHooks(app);

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
  return app;
}
