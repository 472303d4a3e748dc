import { ForbiddenError } from '../errors';

/** The HttpOnly cookie that carries the admin console's session token (jgs_…). */
export const SESSION_COOKIE = 'jobgate_session';

/**
 * The header the console sends with every request. A cross-site HTML form cannot send a
 * custom header, and a cross-site `fetch` that does needs a CORS preflight, which the admin
 * API never grants; so a request bearing it was made by script on an origin we allow.
 */
export const CSRF_HEADER = 'x-jobgate-csrf';

/** A session token read from the cookie, with the origins the request may come from. */
export interface CookieCredential {
  token: string;
  /** The service's own origins: JOBGATE_PUBLIC_URL's and the one the request was addressed to. */
  ownOrigins: readonly string[];
}

type Headers = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A cookie is an ambient credential: the browser attaches it whoever made the page. It
 * authenticates only a request that proves it came from our own pages: the custom header
 * (no cross-site form can send it) and, when the browser names one, our own Origin (a
 * same-site sibling such as another subdomain passes SameSite but not this).
 */
export function assertOwnPageRequest(headers: Headers, ownOrigins: readonly string[]): void {
  if (!single(headers[CSRF_HEADER])) {
    throw new ForbiddenError(`A session cookie is accepted only with the ${CSRF_HEADER} header (send Authorization: Bearer <token> from API clients)`);
  }
  const origin = single(headers.origin);
  if (origin !== undefined && !ownOrigins.includes(origin)) {
    throw new ForbiddenError('A session cookie is accepted only from the service\'s own origin');
  }
}
