import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { organizationPagePrincipal, type Principal, type RequestMeta } from '../auth/principal';
import { scopedFork } from '../db/request-scope';
import type { AppError } from '../errors';
import { knownError } from './error-reply';
import type { HttpServices } from './http-services';
import { requestMeta } from './request-meta';
import { cookieCredential } from './session-cookie';

/**
 * Where a route's caller comes from, declared once per route (`config: { caller }`):
 * - `header`: the Authorization header (Bearer, or Basic with the key as user name),
 *   else the console's session cookie (with its CSRF header and our own Origin);
 * - `query-key`: a postings key in `?key=` (Lever's apply), and nothing else;
 * - `org-slug`: the organization the URL names (`:slug`, or the param `slugParam` names),
 *   calling as its own public page (hosted pages, drop-in reads, the feed);
 * - `none` (the default): no caller and no scope (health, signed file links, static pages).
 */
export type CallerSource = 'header' | 'query-key' | 'org-slug' | 'none';

/** What a request may touch: who is calling, the one ORM fork scoped to them, and where the request came from. */
export interface RequestScope {
  principal: Principal | null;
  /** Why the credential was refused (bad, revoked, rate-limited, an outage); each route reports it in its own shape. */
  failure: AppError | null;
  /** The request's only fork, with the caller's tenant and confidential scopes set (none for an anonymous caller). */
  em: EntityManager;
  meta: RequestMeta;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once per request, in onRequest before the body is read, on routes that declare a caller source. */
    scope: RequestScope | null;
  }
  interface FastifyContextConfig {
    caller?: CallerSource;
    /** For `org-slug`: the path parameter holding the slug (default `slug`). */
    slugParam?: string;
  }
}

/**
 * How an organization slug becomes its id; slugs never change, so answers are kept (misses briefly).
 * The source answers null for anything that is not a well-formed slug, without a query: this runs
 * before the text guard, so the raw path parameter reaches it.
 */
export interface OrganizationSlugs {
  organizationIdBySlug(slug: string): Promise<string | null>;
}

const MISS_TTL_MS = 5_000;

class SlugDirectory {
  private readonly ids = new LRUCache<string, string | false>({ max: 10_000 });

  constructor(private readonly source: OrganizationSlugs) {}

  async idOf(slug: unknown): Promise<string | null> {
    if (typeof slug !== 'string' || slug.length > 63) return null;
    const known = this.ids.get(slug);
    if (known !== undefined) return known || null;
    const id = await this.source.organizationIdBySlug(slug);
    this.ids.set(slug, id ?? false, id ? undefined : { ttl: MISS_TTL_MS });
    return id;
  }
}

/**
 * The one place a request's caller is resolved and its scope made. It runs in
 * `onRequest`, before Fastify reads the body, so a caller without a valid credential
 * never gets a document parsed, and usage counters and key rate limits count each
 * request once. A refused credential does not end the request here: it is kept in
 * `scope.failure` and each surface answers it in its own shape (GraphQL errors,
 * Lever's and Greenhouse's JSON, a page).
 */
export function registerScopeHook(app: FastifyInstance, services: HttpServices & { organizationSlugs: OrganizationSlugs }): void {
  const slugs = new SlugDirectory(services.organizationSlugs);

  async function callerOf(request: FastifyRequest, source: CallerSource, meta: RequestMeta): Promise<Principal | null> {
    if (source === 'header') return services.authenticator.authenticate(meta, cookieCredential(request, services.config.publicUrl));
    if (source === 'query-key') {
      const key = (request.query as Record<string, unknown> | undefined)?.key;
      return services.authenticator.authenticateQueryKey(typeof key === 'string' ? key : null, meta);
    }
    const params = request.params as Record<string, unknown> | undefined;
    const organizationId = await slugs.idOf(params?.[request.routeOptions.config.slugParam ?? 'slug']);
    return organizationId ? organizationPagePrincipal(organizationId) : null;
  }

  app.decorateRequest('scope', null);
  app.addHook('onRequest', async (request) => {
    const source = request.routeOptions.config?.caller ?? 'none';
    if (request.method === 'OPTIONS' || source === 'none') return;
    const meta = requestMeta(request);
    let principal: Principal | null = null;
    let failure: AppError | null = null;
    try {
      principal = await callerOf(request, source, meta);
    } catch (err) {
      // A database outage while verifying the key is answered like a refused credential, in the route's own shape (a 503).
      const known = knownError(err, request.log);
      if (!known) throw err;
      failure = known;
    }
    const reader = principal?.kind === 'DATA_KEY' ? principal.credentialId : undefined;
    const em = scopedFork(services.orm, principal && { organizationId: principal.organizationId, allowConfidential: principal.allowConfidential, reader });
    request.scope = { principal, failure, em, meta };
  });
}

/** The request's scope; routes reach it only when they declared a caller source. */
export function scopeOfRequest(request: FastifyRequest): RequestScope {
  if (!request.scope) throw new Error(`route ${request.routeOptions.url} reads the request scope but declares no caller source`);
  return request.scope;
}

/** The caller, or the authentication error for routes that answer it themselves. */
export function callerOf(request: FastifyRequest): Principal | null {
  const scope = scopeOfRequest(request);
  if (scope.failure) throw scope.failure;
  return scope.principal;
}
