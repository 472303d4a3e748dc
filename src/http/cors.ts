import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { recalledPrincipal } from './request-principal';

const ALLOW_METHODS = 'POST, OPTIONS';
const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';
const EXPOSE_HEADERS = 'retry-after, x-request-id, x-cache';
const MAX_AGE_SECONDS = '600';
/** Settings changes reach other instances within this; the local instance clears at once. */
const CACHE_TTL_MS = 5_000;

/** Where the organizations' `settings.allowedOrigins` are read from (the organizations repository). */
export interface OriginSource {
  anyOrganizationAllows(origin: string): Promise<boolean>;
  allowedOriginsOf(organizationId: string): Promise<string[]>;
}

/**
 * Which origins organizations allow (`settings.allowedOrigins`), cached briefly and
 * boundedly so that preflight floods with random origins cost at most one query per
 * origin per TTL and cannot grow memory.
 */
export class AllowedOrigins {
  private readonly anywhere: LRUCache<string, boolean>;
  private readonly byOrganization: LRUCache<string, string[]>;

  constructor(source: OriginSource) {
    this.anywhere = new LRUCache<string, boolean>({
      max: 1000,
      ttl: CACHE_TTL_MS,
      fetchMethod: (origin) => source.anyOrganizationAllows(origin),
    });
    this.byOrganization = new LRUCache<string, string[]>({
      max: 1000,
      ttl: CACHE_TTL_MS,
      fetchMethod: (organizationId) => source.allowedOriginsOf(organizationId),
    });
  }

  /** For preflights, which carry no credential: is the origin allowed by any organization? */
  async allowedByAny(origin: string): Promise<boolean> {
    return (await this.anywhere.fetch(origin)) ?? false;
  }

  async allowedBy(organizationId: string, origin: string): Promise<boolean> {
    return ((await this.byOrganization.fetch(organizationId)) ?? []).includes(origin);
  }

  clear(): void {
    this.anywhere.clear();
    this.byOrganization.clear();
  }
}

function corsOrigin(request: FastifyRequest, paths: ReadonlySet<string>): string | null {
  if (!paths.has(request.url.split('?', 1)[0])) return null;
  const origin = request.headers.origin;
  // An origin is short and printable; "null" (sandboxed frames, file://) is never allowed.
  if (typeof origin !== 'string' || origin === 'null' || origin.length > 2048 || !/^https?:\/\/[^\s/]+$/i.test(origin)) return null;
  return origin;
}

/**
 * CORS for the public API and uploads. A preflight is answered before routing
 * (Apollo never sees it) and gets CORS headers when the origin is allowed by some
 * organization; the actual request gets `access-control-allow-origin` only when
 * the origin is allowed by the organization its credential belongs to. Anything
 * else gets no CORS headers, so the browser blocks it.
 */
export function registerCors(app: FastifyInstance, origins: AllowedOrigins, browserPaths: readonly string[]): void {
  // Only browser-facing endpoints answer CORS; the admin API (/graphql) never does.
  const CORS_PATHS = new Set(browserPaths);

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' || !request.headers['access-control-request-method']) return;
    if (!CORS_PATHS.has(request.url.split('?', 1)[0])) return;
    void reply.header('vary', 'origin');
    const origin = corsOrigin(request, CORS_PATHS);
    if (origin && (await origins.allowedByAny(origin))) {
      void reply
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', ALLOW_METHODS)
        .header('access-control-allow-headers', ALLOW_HEADERS)
        .header('access-control-max-age', MAX_AGE_SECONDS);
    }
    return reply.status(204).send();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'OPTIONS' || !CORS_PATHS.has(request.url.split('?', 1)[0])) return payload;
    void reply.header('vary', 'origin');
    const origin = corsOrigin(request, CORS_PATHS);
    const principal = recalledPrincipal(request);
    if (origin && principal && (await origins.allowedBy(principal.organizationId, origin))) {
      void reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSE_HEADERS);
    }
    return payload;
  });
}
