import type { FastifyRequest } from 'fastify';
import { normalizeOrigin, usableOrigins } from '../../http/origin';

/** The origin a URL-valued header names, or null when it names none. */
function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The CSRF check of the hosted apply form, which has no cookie to bind a token to
 * (form-token.ts): a browser's POST must come from a page of this service, or of one of
 * the organization's allowed origins. Browsers send Origin on every cross-origin POST
 * (and Chromium and Firefox on same-origin form posts too); Referer is read only when
 * Origin is missing. `Origin: null` (sandboxed frames, opaque redirects) is refused. A
 * request with neither header is no browser's cross-site request: it carries no ambient
 * credential a forger could borrow (the form has none), so it needs only the token.
 *
 * "This service" is the public URL's origin and the origin the request itself was sent
 * to (its Host), so a deployment reached under a second name still accepts its own forms.
 */
export function formPostFromAllowedOrigin(request: FastifyRequest, publicUrl: string, allowedOrigins: readonly string[]): boolean {
  const originHeader = request.headers.origin;
  const referer = typeof request.headers.referer === 'string' ? request.headers.referer : undefined;
  if (originHeader === undefined && referer === undefined) return true;
  const from = originHeader !== undefined ? normalizeOrigin(originHeader) : originOf(referer);
  if (!from) return false;
  const own = [originOf(publicUrl), originOf(`${request.protocol}://${request.headers.host ?? ''}`)];
  return own.includes(from) || usableOrigins(allowedOrigins).includes(from);
}
