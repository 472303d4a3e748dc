import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

/** Settings changes reach other instances within this; the local instance clears at once. */
const CACHE_TTL_MS = 5_000;

const ANSWER: FastifyCorsOptions = {
  methods: 'POST, OPTIONS',
  allowedHeaders: 'authorization, content-type, idempotency-key',
  exposedHeaders: 'retry-after, x-request-id, x-cache',
  maxAge: 600,
};
const REFUSE: FastifyCorsOptions = { origin: false };

/** Where the organizations' `settings.allowedOrigins` are read from (the organizations repository). */
export interface OriginSource {
  anyOrganizationAllows(origin: string): Promise<boolean>;
  allowedOriginsOf(organizationId: string): Promise<string[]>;
}

/**
 * Which origins organizations allow (`settings.allowedOrigins`), cached briefly and
 * boundedly so that floods with random origins cost at most one query per origin per
 * TTL and cannot grow memory.
 */
export class AllowedOrigins {
  private readonly anywhere: LRUCache<string, boolean>;
  private readonly byOrganization: LRUCache<string, string[]>;

  constructor(source: OriginSource) {
    this.anywhere = new LRUCache<string, boolean>({ max: 1000, ttl: CACHE_TTL_MS, fetchMethod: (origin) => source.anyOrganizationAllows(origin) });
    this.byOrganization = new LRUCache<string, string[]>({
      max: 1000,
      ttl: CACHE_TTL_MS,
      fetchMethod: (organizationId) => source.allowedOriginsOf(organizationId),
    });
  }

  /** For callers without a (valid) credential: is the origin allowed by any organization? */
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

/** The request's `Origin` when it is one we could allow: short, printable, http(s); "null" (sandboxed frames, file://) never is. */
export function saneOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null' || origin.length > 2048 || !/^https?:\/\/[^\s/]+$/i.test(origin)) return null;
  return origin;
}

function browserOrigin(request: FastifyRequest, paths: ReadonlySet<string>): string | null {
  return paths.has(request.url.split('?', 1)[0]) ? saneOrigin(request) : null;
}

/**
 * CORS for the browser-facing endpoints (the public API and uploads; the admin API
 * never answers CORS), with @fastify/cors deciding per request through its delegator.
 * It runs in `onRequest` after the principal hook, so every answer to an allowed
 * origin carries the headers, errors included (401, 403, 429): otherwise a browser
 * reports only "Failed to fetch". The origin must be listed by the credential's own
 * organization; a request without a valid credential (a preflight, a wrong key) gets
 * them when some organization lists the origin, which tells it no more than a
 * preflight does. Anything else gets no CORS headers.
 */
export async function registerCors(app: FastifyInstance, origins: AllowedOrigins, browserPaths: readonly string[]): Promise<void> {
  const paths = new Set(browserPaths);
  const allowed = async (request: FastifyRequest, origin: string): Promise<boolean> => {
    const principal = request.method === 'OPTIONS' ? null : (request.scope?.principal ?? null);
    return principal ? origins.allowedBy(principal.organizationId, origin) : origins.allowedByAny(origin);
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
      const origin = browserOrigin(request, paths);
      return origin && (await allowed(request, origin)) ? { ...ANSWER, origin } : REFUSE;
    },
  });
}
