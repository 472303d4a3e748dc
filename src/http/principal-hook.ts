import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { knownError } from './error-reply';
import type { AppError } from '../errors';
import type { HttpServices } from './http-services';
import { requestMeta } from './request-meta';
import { cookieCredential } from './session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: resolved once per request, before the body is read, on routes that ask for it. */
    principal: Principal | null;
    /** Why the credential was refused (bad, revoked, rate-limited); each route reports it in its own shape. */
    authFailure: AppError | null;
  }
  interface FastifyContextConfig {
    /** Resolve the caller for this route (see registerPrincipalHook). */
    authenticate?: boolean;
  }
}

/**
 * The one place a request's credential is verified. It runs in `onRequest`, before
 * Fastify reads the body, so a caller without a valid credential never gets a
 * document parsed; usage counters and key rate limits count each request once.
 * Routes declare `config: { authenticate: true }`; the rest (health, feeds, signed
 * file links) take no credential and cost nothing here. The console's session cookie
 * (parsed by @fastify/cookie, registered before this hook) is handed over with the
 * headers; the authenticator alone decides what counts.
 */
export function registerPrincipalHook(app: FastifyInstance, services: HttpServices): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authFailure', null);
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS' || !request.routeOptions.config?.authenticate) return;
    try {
      request.principal = await services.authenticator.authenticate(requestMeta(request), cookieCredential(request, services.config.publicUrl));
    } catch (err) {
      // A database outage while verifying the key is answered like a refused credential, in the route's own shape (a 503).
      const known = knownError(err, request.log);
      if (!known) throw err;
      request.authFailure = known;
    }
  });
}

/** The caller, or the authentication error for routes that answer it themselves. */
export function callerOf(request: FastifyRequest): Principal | null {
  if (request.authFailure) throw request.authFailure;
  return request.principal;
}
