import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../auth/principal';

/** `request.ip` honours X-Forwarded-For only when TRUST_PROXY is configured. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
    requestId: String(request.id),
    headers: request.headers,
  };
}
