import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';

/**
 * The principal resolved for a request, remembered so that a hook which needed it
 * early (the public response cache) and the GraphQL context share one verification:
 * usage counters and rate limits then count each request once.
 */
const resolved = new WeakMap<FastifyRequest, Principal | null>();

export function rememberPrincipal(request: FastifyRequest, principal: Principal | null): void {
  resolved.set(request, principal);
}

/** `undefined` when nothing was resolved yet for this request. */
export function recalledPrincipal(request: FastifyRequest): Principal | null | undefined {
  return resolved.get(request);
}
