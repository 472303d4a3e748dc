import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, type CookieCredential } from '../auth/browser-session';
import type { BrowserSession } from '../graphql/context';
import { ownOrigins } from './origin';

/** The session cookie of a request, or null when it has none. */
export function cookieCredential(request: FastifyRequest, publicUrl: string): CookieCredential | null {
  const token = request.cookies?.[SESSION_COOKIE];
  return token ? { token, ownOrigins: ownOrigins(request, publicUrl) } : null;
}

/**
 * Secure whenever the console is reached over https (the public URL says so, or the
 * request arrived over TLS, directly or per a trusted proxy); on plain http (localhost)
 * a Secure cookie would be dropped by the browser, so it is left off there.
 */
function cookieOptions(request: FastifyRequest, publicUrl: string) {
  const secure = publicUrl.startsWith('https:') || request.protocol === 'https';
  // Path=/ because the console needs it on both /graphql and /uploads. No Max-Age: a
  // browser-session cookie, so closing the browser forgets it; the server's idle and
  // absolute expiries bound the session itself.
  return { path: '/', httpOnly: true, secure, sameSite: 'strict' as const };
}

/**
 * The cookie side of sign-in and sign-out, for the login and logout mutations. A cookie is
 * issued only to a caller that sends the console's CSRF header: API clients with a cookie
 * jar keep getting just the token, and never an ambient credential they did not ask for.
 */
export function browserSessionFor(request: FastifyRequest, reply: FastifyReply, publicUrl: string): BrowserSession {
  return {
    started(token) {
      if (!request.headers[CSRF_HEADER]) return;
      void reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, publicUrl));
    },
    ended() {
      if (!request.cookies?.[SESSION_COOKIE]) return;
      void reply.clearCookie(SESSION_COOKIE, cookieOptions(request, publicUrl));
    },
  };
}
