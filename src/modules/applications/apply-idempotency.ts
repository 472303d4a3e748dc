import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import type { RequestMeta } from '../../auth/principal';
import { BadInputError, ConflictError } from '../../errors';

/** How long an Idempotency-Key is honoured; after that the same key starts a new application (Stripe's 24 h). */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key` header, or null when there is none. */
export function idempotencyKeyOf(meta: RequestMeta): string | null {
  const raw = meta.headers['idempotency-key'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return null;
  if (!KEY.test(value)) throw BadInputError.field('Idempotency-Key', 'must be 1 to 255 visible ASCII characters (a UUID is a good choice)');
  return value;
}

/**
 * Canonical JSON (safe-stable-stringify: sorted keys) without null/undefined members,
 * so equal inputs hash equal whatever their key order and whether absent fields are
 * sent as null. Same output as the hand-rolled canonicalizer it replaces, so hashes
 * stored within the window stay valid.
 */
const canonicalJson = configure({ deterministic: true, bigint: false });
const dropNullMembers = (_key: string, value: unknown) => (value === null ? undefined : value);

/** What a retry must repeat exactly: the posting and the whole input. */
export function requestHash(postingId: string, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ postingId: postingId.toLowerCase(), input }, dropNullMembers) ?? '').digest('hex');
}

/**
 * The answer to a request whose Idempotency-Key an application already holds: that
 * application when the request is the same, CONFLICT when the key was used for a
 * different one.
 */
export function replayOf(earlier: { id: string; requestHash: string | null }, hash: string | null): string {
  if (earlier.requestHash !== hash) {
    throw new ConflictError('This Idempotency-Key was already used for a different application request; use a new key for a new request');
  }
  return earlier.id;
}
