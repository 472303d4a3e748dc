import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { CacheableRequest, PublicResponseCache } from './response-cache';
import type { Authenticator } from '../../auth/authenticator';
import { PUBLIC_GRAPHQL_PATH } from '../../http/graphql-route';
import { requestMeta } from '../../http/request-meta';
import { recalledPrincipal, rememberPrincipal } from '../../http/request-principal';

const pendingKeys = new WeakMap<FastifyRequest, string>();

/** Only query operations are cached; mutations (applyToPosting) always run. */
function isQueryOperation(request: CacheableRequest): boolean {
  try {
    const operations = parse(request.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    const chosen = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations.length === 1 ? operations[0] : undefined;
    return chosen?.operation === 'query';
  } catch {
    return false; // Apollo reports the syntax error
  }
}

function cacheableBody(body: unknown): CacheableRequest | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return { query, variables, operationName: operationName as string | null | undefined };
}

/**
 * Serves repeated public reads from memory before Apollo runs, and stores successful
 * query responses on the way out. A hit costs a cached key verification and a hash.
 */
export function registerPublicCacheHooks(app: FastifyInstance, services: { publicCache: PublicResponseCache; authenticator: Authenticator }): void {
  const cache = services.publicCache;
  if (!cache.enabled) return;

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== PUBLIC_GRAPHQL_PATH) return;
    const body = cacheableBody(request.body);
    if (!body || !isQueryOperation(body)) return;
    let principal = recalledPrincipal(request);
    if (principal === undefined) {
      try {
        principal = await services.authenticator.authenticate(requestMeta(request));
      } catch {
        return; // the GraphQL context reports authentication errors in the usual shape
      }
      rememberPrincipal(request, principal);
    }
    if (principal?.kind !== 'POSTINGS_KEY') return;
    const key = cache.key(principal.organizationId, body);
    const hit = cache.get(key);
    if (hit) {
      void reply.header('x-cache', 'HIT').type('application/json; charset=utf-8');
      return reply.send(hit);
    }
    pendingKeys.set(request, key);
    void reply.header('x-cache', 'MISS');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = pendingKeys.get(request);
    if (key && reply.statusCode === 200 && typeof payload === 'string' && !payload.includes('"errors"')) {
      cache.set(key, Buffer.from(payload));
    }
    return payload;
  });
}
