import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AllowedOrigins } from '../modules/organizations/allowed-origins';
import { OrganizationRepository } from '../modules/organizations/organization.repository';
import type { Services } from '../services';
import { PUBLIC_GRAPHQL_PATH } from './public-cache-hooks';
import { UPLOADS_PATH } from './uploads-route';

/** Only browser-facing endpoints answer CORS; the admin API (/graphql) never does. */
const CORS_PATHS = new Set([PUBLIC_GRAPHQL_PATH, UPLOADS_PATH]);

const ANSWER: FastifyCorsOptions = {
  methods: 'POST, OPTIONS',
  allowedHeaders: 'authorization, content-type, idempotency-key',
  exposedHeaders: 'retry-after, x-request-id, x-cache',
  maxAge: 600,
};
const REFUSE: FastifyCorsOptions = { origin: false };

function browserOrigin(request: FastifyRequest): string | null {
  if (!CORS_PATHS.has(request.url.split('?', 1)[0])) return null;
  const origin = request.headers.origin;
  // An origin is short and printable; "null" (sandboxed frames, file://) is never allowed.
  if (typeof origin !== 'string' || origin === 'null' || origin.length > 2048 || !/^https?:\/\/[^\s/]+$/i.test(origin)) return null;
  return origin;
}

/**
 * CORS for the public API and uploads, with @fastify/cors deciding per request
 * through its delegator. It runs in `onRequest` after the principal hook, so every
 * answer to an allowed origin carries the headers, errors included (401, 403, 429):
 * otherwise a browser reports only "Failed to fetch". The origin must be listed by
 * the credential's own organization; a request without a valid credential (a
 * preflight, a wrong key) gets them when some organization lists the origin, which
 * tells it no more than a preflight does. Anything else gets no CORS headers.
 */
export async function registerCors(app: FastifyInstance, services: Services): Promise<void> {
  const origins = new AllowedOrigins(new OrganizationRepository(services.orm));
  services.organizations.onSettingsChanged(async () => origins.clear());

  const allowed = async (request: FastifyRequest, origin: string): Promise<boolean> => {
    const principal = request.method === 'OPTIONS' ? null : request.principal;
    return principal ? origins.allowedBy(principal.organizationId, origin) : origins.allowedByAny(origin);
  };

  await app.register(cors, {
    hook: 'onRequest',
    delegator: async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
      const origin = browserOrigin(request);
      return origin && (await allowed(request, origin)) ? { ...ANSWER, origin } : REFUSE;
    },
  });
}
