import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A form stays usable this long; the idempotency window (24 h) is the same. */
export const FORM_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export interface FormTokenCheck {
  ok: boolean;
  /** The one-time nonce, which becomes the application's idempotency key. */
  nonce?: string;
}

/**
 * The apply form's hidden token: an HMAC (server key) over the posting, a random nonce
 * and an expiry, so it cannot be forged, moved to another posting or used late. It
 * needs no cookie, so the form also works in a frame of an allowed origin, where a
 * SameSite cookie is never sent. Single use: its nonce becomes the application's
 * idempotency key, so a second POST of the same form finds the first application
 * instead of making another. Cross-site request forgery is stopped by the Origin
 * check (form-origin.ts), not by the token: anyone may fetch a form and its token.
 */
export class FormTokens {
  constructor(private readonly key: Buffer) {}

  issue(postingId: string, now = Date.now()): string {
    const nonce = randomBytes(16).toString('base64url');
    const expires = Math.floor(now / 1000) + FORM_TOKEN_TTL_SECONDS;
    return `${nonce}.${expires}.${this.sign(postingId, nonce, expires)}`;
  }

  check(token: unknown, postingId: string, now = Date.now()): FormTokenCheck {
    if (typeof token !== 'string') return { ok: false };
    const match = TOKEN.exec(token);
    if (!match) return { ok: false };
    const [, nonce, expiresText, sig] = match;
    const expires = Number(expiresText);
    if (expires < now / 1000) return { ok: false };
    const expected = Buffer.from(this.sign(postingId, nonce!, expires));
    const given = Buffer.from(sig!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true, nonce } : { ok: false };
  }

  private sign(postingId: string, nonce: string, expires: number): string {
    // A different label than the cookie-bound tokens of earlier releases, so none of those passes.
    return createHmac('sha256', this.key).update(`career-apply-v2\n${postingId.toLowerCase()}\n${nonce}\n${expires}`).digest('base64url');
  }
}
