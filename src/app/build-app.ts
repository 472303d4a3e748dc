import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { adminSchema, publicSchema } from './schemas';
import type { Services } from './services';
import { adminResolverEntries } from './admin-resolvers';
import { publicResolverEntries } from './public-resolvers';
import { ResolverContainer } from './resolver-container';
import type { HttpServices } from '../http/http-services';
import { registerCareerPages } from '../modules/career-pages/career-pages.route';
import { registerDialects } from '../modules/dialects/registry';
import { registerIndexNowKeyRoute } from '../modules/distribution/indexnow';
import { AllowedOrigins, registerCors } from '../http/cors';
import { OrganizationRepository } from '../modules/organizations/organization.repository';
import { registerCredentialLogoRoute } from '../modules/credentials/credential-logo.route';
import { registerAdminConsoleRoute } from '../http/admin-console-route';
import { registerDrainHooks } from '../http/drain';
import { frameworkErrorReply, installErrorHandler } from '../http/error-reply';
import { registerFileRoutes } from '../modules/uploads/files.route';
import { PUBLIC_GRAPHQL_PATH, registerGraphQL } from '../http/graphql-route';
import { registerOpsRoutes } from '../http/ops-routes';
import { ValidatedDocuments } from '../graphql/validated-documents';
import { registerScopeHook } from '../http/scope-hook';
import { publicCacheHooks } from '../modules/public-cache/public-cache.hooks';
import { registerUploadRoutes, UPLOADS_PATH } from '../modules/uploads/uploads.route';
import { registerUploadUsageCounting } from '../modules/credentials/upload-usage.hook';

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
    // Drain (SIGTERM): Node's server.close() would destroy idle keep-alive sockets at once, even
    // one whose request is written but not read yet (a reset); the drain hooks end them gracefully
    // instead. A request that arrives on an open connection gets 503 + `Connection: close` (Fastify),
    // and responses in flight say `Connection: close` (drain hooks), so no client reuses a socket
    // that is about to go away and sees a reset instead of an answer.
    forceCloseConnections: false,
    return503OnClosing: true,
    frameworkErrors: frameworkErrorReply,
  });
  registerDrainHooks(app, services.config.shutdownTimeoutMs);
  // The plumbing's view of the instance: its services plus the resolver container, which GraphQL contexts carry.
  const http: HttpServices = { ...services, resolvers: new ResolverContainer(services, [...adminResolverEntries, ...publicResolverEntries]) };

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    services.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    services.metrics.httpDuration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  installErrorHandler(app);
  // Before any route, in this order: cookies are parsed (the console's session, the career pages' CSRF
  // cookie), the caller is resolved once, then CORS answers per the caller's organization.
  await app.register(cookie);
  const organizations = new OrganizationRepository(services.orm);
  registerScopeHook(app, { ...http, organizationSlugs: organizations });
  const origins = new AllowedOrigins(organizations);
  services.events.on('settings.changed', () => origins.clear());
  await registerCors(app, origins, [PUBLIC_GRAPHQL_PATH, UPLOADS_PATH]);
  registerOpsRoutes(app, http);
  await registerGraphQL(app, http, { surface: 'admin', path: '/graphql', schema: adminSchema(), documents: new ValidatedDocuments() });
  const publicDocuments = new ValidatedDocuments();
  const cache = services.publicCache.enabled ? publicCacheHooks(services.publicCache, publicDocuments) : null;
  await registerGraphQL(app, http, {
    surface: 'public',
    path: PUBLIC_GRAPHQL_PATH,
    schema: publicSchema(),
    documents: publicDocuments,
    compiled: services.config.compiledExecution,
    compileAfter: services.config.compileAfter,
    preHandler: cache ? [cache.preHandler] : [],
    onSend: cache ? [cache.onSend] : [],
  });
  await registerDialects(app, services);
  if (services.searchNotices.indexNowKey) registerIndexNowKeyRoute(app, services.searchNotices.indexNowKey);
  await registerUploadRoutes(app, services);
  registerUploadUsageCounting(app, UPLOADS_PATH, services);
  registerFileRoutes(app, services);
  registerCredentialLogoRoute(app, services);
  await registerCareerPages(app, services);
  await registerAdminConsoleRoute(app);
  return app;
}
