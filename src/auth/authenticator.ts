import { UnauthenticatedError } from '../errors';
import { assertOwnPageRequest, type CookieCredential } from './browser-session';
import { parseSecret, SECRET_PREFIXES, type SecretPrefix } from './secret-format';
import type { Principal, RequestMeta } from './principal';

export type SecretVerifier = (secret: string, meta: RequestMeta) => Promise<Principal>;

/** `Bearer <secret>`, or HTTP Basic with the secret as username and an empty password (Lever/Greenhouse style). */
export function extractSecret(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value || null;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return (colon === -1 ? decoded : decoded.slice(0, colon)) || null;
  }
  return null;
}

/**
 * Resolves a request to a principal. The checksum is checked first, so garbage and
 * typos are rejected without touching the database; then the verifier registered
 * for the secret's prefix decides.
 *
 * Two places a credential may come from, and the Authorization header wins: an explicit
 * bearer token is what an API client means, and it is no ambient credential, so a request
 * with both is judged by its header alone (the cookie is ignored, even a stale one).
 * The console's session cookie counts only on a request from our own pages
 * (browser-session.ts), and only ever as a session token, never as a key.
 */
export class Authenticator {
  private readonly verifiers = new Map<SecretPrefix, SecretVerifier>();

  register(prefix: SecretPrefix, verifier: SecretVerifier): this {
    this.verifiers.set(prefix, verifier);
    return this;
  }

  async authenticate(meta: RequestMeta, cookie: CookieCredential | null = null): Promise<Principal | null> {
    const header = meta.headers.authorization;
    const secret = extractSecret(Array.isArray(header) ? header[0] : header);
    if (secret === null) {
      if (header) throw new UnauthenticatedError('Unsupported Authorization header; use Bearer or Basic');
      return cookie ? this.fromCookie(cookie, meta) : null;
    }
    return this.verify(secret, meta);
  }

  /**
   * A cookie whose session has ended (signed out in another tab, expired, user
   * deactivated) leaves the caller anonymous rather than refused: the console can still
   * sign in, and every protected operation answers UNAUTHENTICATED, which shows sign-in.
   */
  private async fromCookie(cookie: CookieCredential, meta: RequestMeta): Promise<Principal | null> {
    assertOwnPageRequest(meta.headers, cookie.ownOrigins);
    if (parseSecret(cookie.token) !== SECRET_PREFIXES.session) return null;
    try {
      return await this.verify(cookie.token, meta);
    } catch (err) {
      if (err instanceof UnauthenticatedError) return null;
      throw err;
    }
  }

  /**
   * A postings key given in the query string (Lever's `?key=`): only a postings key
   * counts there, never a session or a data key, since URLs end up in logs and histories.
   * No key at all is an anonymous caller; the route decides what that means.
   */
  async authenticateQueryKey(secret: string | null, meta: RequestMeta): Promise<Principal | null> {
    if (!secret) return null;
    if (parseSecret(secret) !== SECRET_PREFIXES.postingsKey) throw new UnauthenticatedError('Invalid credentials');
    return this.verify(secret, meta);
  }

  private async verify(secret: string, meta: RequestMeta): Promise<Principal> {
    const prefix = parseSecret(secret);
    const verifier = prefix && this.verifiers.get(prefix);
    if (!verifier) throw new UnauthenticatedError('Invalid credentials');
    return verifier(secret, meta);
  }
}
