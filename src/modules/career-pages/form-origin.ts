import type { FastifyRequest } from 'fastify';
import { httpOriginOf, normalizeOrigin, ownOrigins, usableOrigins } from '../../http/origin';

/**
 * The CSRF check of the hosted apply form, which has no cookie to bind a token to
 * (form-token.ts): a browser's POST must come from a page of this service, or of one of
 * the organization's allowed origins. Browsers send Origin on every cross-origin POST
 * (and Chromium and Firefox on same-origin form posts too); Referer is read only when
 * Origin is missing. `Origin: null` (sandboxed frames, opaque redirects) is refused. A
 * request with neither header is no browser's cross-site request: it carries no ambient
 * credential a forger could borrow (the form has none), so it needs only the token.
 *
 * "This service" is `ownOrigins` (http/origin.ts), as for the console's session cookie.
 */
export function formPostFromAllowedOrigin(request: FastifyRequest, publicUrl: string, allowedOrigins: readonly string[]): boolean {
  const originHeader = request.headers.origin;
  const referer = typeof request.headers.referer === 'string' ? request.headers.referer : undefined;
  if (originHeader === undefined && referer === undefined) return true;
  const from = originHeader !== undefined ? normalizeOrigin(originHeader) : httpOriginOf(referer);
  if (!from) return false;
  return ownOrigins(request, publicUrl).includes(from) || usableOrigins(allowedOrigins).includes(from);
}
