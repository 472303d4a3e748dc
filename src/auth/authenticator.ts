import { UnauthenticatedError } from '../errors';
import { parseSecret, type SecretPrefix } from './secret-format';
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
 */
export class Authenticator {
  private readonly verifiers = new Map<SecretPrefix, SecretVerifier>();

  register(prefix: SecretPrefix, verifier: SecretVerifier): this {
    this.verifiers.set(prefix, verifier);
    return this;
  }

  async authenticate(meta: RequestMeta): Promise<Principal | null> {
    const header = meta.headers.authorization;
    const secret = extractSecret(Array.isArray(header) ? header[0] : header);
    if (secret === null) {
      if (header) throw new UnauthenticatedError('Unsupported Authorization header; use Bearer or Basic');
      return null;
    }
    const prefix = parseSecret(secret);
    const verifier = prefix && this.verifiers.get(prefix);
    if (!verifier) throw new UnauthenticatedError('Invalid credentials');
    return verifier(secret, meta);
  }
}
