import type { FastifyReply, FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { getOperationAST } from 'graphql';
import { queryHash, type ValidatedDocuments } from '../../graphql/validated-documents';
import type { PublicResponseCache } from './response-cache';

const pendingKeys = new WeakMap<FastifyRequest, string>();

interface CacheableBody {
  query: string;
  hash: string;
  variables: unknown;
  operationName: string | null | undefined;
}

function cacheableBody(body: unknown): CacheableBody | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || extensions != null) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return { query, hash: queryHash(query), variables, operationName: operationName as string | null | undefined };
}

/**
 * The key when this request is a query of a postings key, else null. Whether it is a
 * query comes from the document Apollo already parsed and validated: this never parses.
 */
function keyFor(request: FastifyRequest, cache: PublicResponseCache, documents: ValidatedDocuments): string | null {
  const principal = request.scope?.principal;
  if (principal?.kind !== 'POSTINGS_KEY') return null;
  const body = cacheableBody(request.body);
  const document = body && documents.lookup(body.hash);
  if (!body || !document || getOperationAST(document, body.operationName)?.operation !== 'query') return null;
  return cache.key(principal.organizationId, body);
}

/**
 * Route hooks of POST /public/graphql: serve repeated reads from memory before Apollo
 * runs (a hit costs a cached key verification and a hash), and store successful query
 * responses on the way out. They run after the principal hook and the variables gate.
 */
export function publicCacheHooks(cache: PublicResponseCache, documents: ValidatedDocuments): { preHandler: preHandlerAsyncHookHandler; onSend: onSendAsyncHookHandler } {
  return {
    async preHandler(request: FastifyRequest, reply: FastifyReply) {
      // A document seen for the first time has no cached response yet; onSend keys it once Apollo has parsed it.
      const key = keyFor(request, cache, documents);
      if (!key) return;
      const hit = cache.get(key);
      if (hit) {
        void reply.header('x-cache', 'HIT').type('application/json; charset=utf-8');
        return reply.send(hit);
      }
      pendingKeys.set(request, key);
      void reply.header('x-cache', 'MISS');
    },
    async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
      if (reply.getHeader('x-cache') === 'HIT') return payload;
      // Only successful answers are stored; a refused request (deep variables) is never keyed.
      if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.includes('"errors"')) return payload;
      const pending = pendingKeys.get(request);
      const key = pending ?? keyFor(request, cache, documents);
      if (!key) return payload;
      if (!pending) void reply.header('x-cache', 'MISS');
      cache.set(key, Buffer.from(payload));
      return payload;
    },
  };
}
