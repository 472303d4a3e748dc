import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { isNotModified } from '../../http/conditional-get';
import { saneOrigin } from '../../http/cors';
import { packEntry, unpackEntry } from '../public-cache';
import type { DialectServices } from './dialect-services';
import type { DialectSite } from './dialect-site.repository';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';
const EXPOSE_HEADERS = 'retry-after, x-request-id, x-cache';
const MAX_AGE_SECONDS = '600';

/**
 * CORS as on the public API: a browser gets `access-control-allow-origin` only
 * when the organization lists its origin in `settings.allowedOrigins`. Here the
 * organization is the one the URL names (reads carry no key).
 */
export function allowOrigin(request: FastifyRequest, reply: FastifyReply, site: DialectSite | null, preflight = false): void {
  void reply.header('vary', 'origin');
  const origin = saneOrigin(request);
  if (!origin || !site?.allowedOrigins.includes(origin)) return;
  void reply.header('access-control-allow-origin', origin);
  if (preflight) {
    void reply
      .header('access-control-allow-methods', ALLOW_METHODS)
      .header('access-control-allow-headers', ALLOW_HEADERS)
      .header('access-control-max-age', MAX_AGE_SECONDS);
  } else void reply.header('access-control-expose-headers', EXPOSE_HEADERS);
}

/** A finished read, as the cache keeps it. */
export interface CachedRead {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** Weak: the bytes on the wire differ per content coding, the JSON or HTML does not. */
function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

type StoredRead = Omit<CachedRead, 'body'> & { etag?: string };

/** Sends a read, or 304 when it is a 200 the client already holds (whatever its Cache-Control says). */
function sendRead(request: FastifyRequest, reply: FastifyReply, read: StoredRead, body: string | Buffer): FastifyReply {
  for (const [name, value] of Object.entries(read.headers ?? {})) void reply.header(name, value);
  if (read.etag) {
    void reply.header('etag', read.etag);
    if (isNotModified(request.headers, { etag: read.etag })) return reply.status(304).send();
  }
  return reply.status(read.status).type(read.contentType).send(body);
}

/**
 * Serves a dialect's read through the public response cache: the same store, byte
 * bound, TTL and per-organization invalidation as the public GraphQL API (every
 * postings or settings write drops the organization's entries on every instance).
 * Only 200s are kept, and only they carry an ETag (a hash of the bytes, kept in the entry).
 */
export async function cachedRead(
  services: DialectServices,
  request: FastifyRequest,
  reply: FastifyReply,
  site: DialectSite,
  /** The dialect, plus anything besides the URL that changes the answer (Lever's Accept-chosen mode). */
  variant: string,
  render: () => Promise<CachedRead>,
): Promise<FastifyReply> {
  const cache = services.publicCache;
  const key = cache.enabled ? cache.key(site.id, { query: `${variant} ${request.url}` }) : null;
  const hit = key ? cache.get(key) : undefined;
  if (hit) {
    const { meta: stored, body } = unpackEntry<StoredRead>(hit);
    void reply.header('x-cache', 'HIT');
    return sendRead(request, reply, stored, body);
  }
  const result = await render();
  const read: StoredRead = { status: result.status, contentType: result.contentType, headers: result.headers, etag: result.status === 200 ? etagOf(result.body) : undefined };
  if (key && result.status === 200) cache.set(key, packEntry(read, result.body));
  if (key) void reply.header('x-cache', 'MISS');
  return sendRead(request, reply, read, result.body);
}

/**
 * A route's path and its twin with a trailing slash. Published clients ask for
 * `/v1/boards/:token/jobs/` and `/v0/postings/:site/`, and the real APIs answer both.
 * Explicit twins rather than Fastify's global `ignoreTrailingSlash`, which would
 * change every other route of the app (GraphQL, uploads, the admin console).
 */
export function withTrailingSlash(path: string): [string, string] {
  return [path, `${path}/`];
}
