import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CompatServices } from './compat-services';
import type { CompatSite } from './compat-site.repository';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';
const EXPOSE_HEADERS = 'retry-after, x-request-id, x-cache';
const MAX_AGE_SECONDS = '600';

function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  // The public API's rule: short, printable, http(s), and never "null".
  if (typeof origin !== 'string' || origin === 'null' || origin.length > 2048 || !/^https?:\/\/[^\s/]+$/i.test(origin)) return null;
  return origin;
}

/**
 * CORS as on the public API: a browser gets `access-control-allow-origin` only
 * when the organization lists its origin in `settings.allowedOrigins`. Here the
 * organization is the one the URL names (reads carry no key).
 */
export function allowOrigin(request: FastifyRequest, reply: FastifyReply, site: CompatSite | null, preflight = false): void {
  void reply.header('vary', 'origin');
  const origin = requestOrigin(request);
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

/**
 * Serves a dialect's read through the public response cache: the same store, byte
 * bound, TTL and per-organization invalidation as the public GraphQL API (every
 * postings or settings write drops the organization's entries on every instance).
 * Only 200s are kept.
 */
export async function cachedRead(
  services: CompatServices,
  request: FastifyRequest,
  reply: FastifyReply,
  site: CompatSite,
  /** The dialect, plus anything besides the URL that changes the answer (Lever's Accept-chosen mode). */
  variant: string,
  render: () => Promise<CachedRead>,
): Promise<FastifyReply> {
  const cache = services.publicCache;
  const key = cache.enabled ? cache.key(site.id, { query: `${variant} ${request.url}` }) : null;
  const hit = key ? cache.get(key) : undefined;
  if (hit) {
    const stored = JSON.parse(hit.subarray(0, hit.indexOf(10)).toString('utf8')) as Omit<CachedRead, 'body'>;
    for (const [name, value] of Object.entries(stored.headers ?? {})) void reply.header(name, value);
    return reply.status(stored.status).header('x-cache', 'HIT').type(stored.contentType).send(hit.subarray(hit.indexOf(10) + 1));
  }
  const result = await render();
  // One buffer: a JSON line of metadata, then the body exactly as sent.
  if (key && result.status === 200) {
    const head = JSON.stringify({ status: result.status, contentType: result.contentType, headers: result.headers });
    cache.set(key, Buffer.concat([Buffer.from(`${head}\n`), Buffer.from(result.body)]));
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) void reply.header(name, value);
  if (key) void reply.header('x-cache', 'MISS');
  return reply.status(result.status).type(result.contentType).send(result.body);
}
