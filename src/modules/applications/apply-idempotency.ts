import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
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
 * The application an earlier request with this key made within the window, when
 * the request is the same; CONFLICT when the key was used for a different one.
 * Plain SQL by organization: a retry is answered whatever filters the fork has.
 */
export async function replayedApplication(em: EntityManager, organizationId: string, key: string, hash: string): Promise<string | null> {
  const rows = await em.getConnection().execute<{ id: string; request_hash: string }[]>(
    `select id, request_hash from applications where organization_id = ? and idempotency_key = ? and created_at > now() - make_interval(hours => ?)`,
    [organizationId, key, IDEMPOTENCY_WINDOW_HOURS],
    'all',
    em.getTransactionContext(),
  );
  const row = rows[0];
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new ConflictError('This Idempotency-Key was already used for a different application request; use a new key for a new request');
  }
  return row.id;
}

/**
 * Serializes requests carrying the same key for the rest of the transaction, then
 * releases the key from an application older than the window so the unique index
 * lets a new one take it.
 */
export async function lockIdempotencyKey(em: EntityManager, organizationId: string, key: string): Promise<void> {
  const conn = em.getConnection();
  const trx = em.getTransactionContext();
  await conn.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`apply:${organizationId}:${key}`], 'all', trx);
  await conn.execute(
    `update applications set idempotency_key = null where organization_id = ? and idempotency_key = ? and created_at <= now() - make_interval(hours => ?)`,
    [organizationId, key, IDEMPOTENCY_WINDOW_HOURS],
    'run',
    trx,
  );
}
