import type { FastifyRequest } from 'fastify';
import type { Scope } from '../../auth/scope';
import { ServiceUnavailableError, UnauthenticatedError } from '../../errors';
import { scopeOfRequest } from '../../http/scope-hook';

/**
 * The request's scope (its caller resolved by the scope hook from the source the route
 * declares), when that caller is the postings key of exactly this organization. Any
 * other outcome (no key, malformed, unknown, revoked, another organization's key, IP
 * not allowed) is one UNAUTHENTICATED, so the dialect answers with its single
 * "invalid key" reply and nothing about which check failed; an outage stays a 503.
 */
export function postingsKeyScope(request: FastifyRequest, organizationId: string): Scope {
  const { principal, failure, em, meta } = scopeOfRequest(request);
  if (failure instanceof ServiceUnavailableError) throw failure;
  if (failure || !principal || principal.kind !== 'POSTINGS_KEY' || principal.organizationId !== organizationId) throw new UnauthenticatedError('Invalid api key');
  return { principal, em, meta };
}
