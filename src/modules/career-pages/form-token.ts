import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A form stays usable this long; the idempotency window (24 h) is the same. */
export const FORM_TOKEN_TTL_SECONDS = 24 * 60 * 60;
export const CSRF_COOKIE = 'jobgate_csrf';
const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export interface FormTokenCheck {
  ok: boolean;
  /** The one-time nonce, which becomes the application's idempotency key. */
  nonce?: string;
}

/**
 * The apply form's hidden token, doing two jobs:
 * - CSRF: it is an HMAC over the browser's random `jobgate_csrf` cookie (double
 *   submit, bound to the server key), so another site can neither read nor forge it;
 * - one-time submit: its nonce is the application's idempotency key, so a second
 *   POST of the same form finds the first application instead of making another.
 * It is also bound to the posting and expires.
 */
export class FormTokens {
  constructor(private readonly key: Buffer) {}

  newCookieValue(): string {
    return randomBytes(24).toString('base64url');
  }

  issue(cookie: string, postingId: string, now = Date.now()): string {
    const nonce = randomBytes(16).toString('base64url');
    const expires = Math.floor(now / 1000) + FORM_TOKEN_TTL_SECONDS;
    return `${nonce}.${expires}.${this.sign(cookie, postingId, nonce, expires)}`;
  }

  check(token: unknown, cookie: string | undefined, postingId: string, now = Date.now()): FormTokenCheck {
    if (typeof token !== 'string' || !cookie) return { ok: false };
    const match = TOKEN.exec(token);
    if (!match) return { ok: false };
    const [, nonce, expiresText, sig] = match;
    const expires = Number(expiresText);
    if (expires < now / 1000) return { ok: false };
    const expected = Buffer.from(this.sign(cookie, postingId, nonce!, expires));
    const given = Buffer.from(sig!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true, nonce } : { ok: false };
  }

  private sign(cookie: string, postingId: string, nonce: string, expires: number): string {
    return createHmac('sha256', this.key).update(`career-apply\n${cookie}\n${postingId.toLowerCase()}\n${nonce}\n${expires}`).digest('base64url');
  }
}
