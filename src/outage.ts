import { AppError, ServiceUnavailableError } from './errors';

/**
 * The one place that tells "a backing service is down" from a bug or bad input.
 * Every surface's error path (GraphQL, REST, the Lever/Greenhouse dialects, hosted
 * pages, uploads) asks `outageOf`, so a stopped database or file store is a 503
 * with Retry-After everywhere, and a full disk a 507, instead of INTERNAL_SERVER_ERROR
 * or the caller's "malformed body".
 */

/** Seconds a client should wait: a restart or failover takes seconds, not minutes. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
/** A full disk needs an operator; ask clients to come back much later. */
export const DISK_FULL_RETRY_AFTER_SECONDS = 60;

/** Socket-level failures: the peer (PostgreSQL, S3) refused, reset or never answered. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_SOCKET_CLOSED',
]);
/** The disk (the fs store's, or PostgreSQL's: 53100 disk_full) is full or over quota. */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', '53100']);
/** The disk failed or became read-only under the fs store. */
const STORAGE_FAILURE_CODES = new Set(['EIO', 'EROFS']);
/**
 * PostgreSQL SQLSTATEs of a server that is going away or not there yet:
 * admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
 * (class 08, connection exceptions, is matched by prefix).
 */
const PG_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Messages of pg, knex and tarn when a connection died or none could be had. */
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Timeout acquiring a connection/i,
  /timeout exceeded when trying to connect/i,
  /Connection ended unexpectedly/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export type OutageKind = 'unavailable' | 'disk-full';

/** What was recognised: the kind and the code or message class that proved it (logged without the message, which may carry SQL values). */
export interface Outage {
  kind: OutageKind;
  signal: string;
}

function ownSignal(err: Record<string, unknown>): Outage | null {
  const code = typeof err.code === 'string' ? err.code : undefined;
  const state = typeof err.sqlState === 'string' ? err.sqlState : code;
  if (code && DISK_FULL_CODES.has(code)) return { kind: 'disk-full', signal: code };
  if (code && (NETWORK_CODES.has(code) || STORAGE_FAILURE_CODES.has(code))) return { kind: 'unavailable', signal: code };
  if (state && /^[0-9A-Z]{5}$/.test(state) && (state.startsWith('08') || PG_UNAVAILABLE_STATES.has(state))) {
    return { kind: 'unavailable', signal: state };
  }
  // The AWS SDK: a network failure it names (TimeoutError) or the store's own 5xx (500, 502, 503: SlowDown).
  const metadata = err.$metadata as { httpStatusCode?: number } | undefined;
  if (err.name === 'TimeoutError' || err.$fault === 'server' || (metadata?.httpStatusCode ?? 0) >= 500) {
    return { kind: 'unavailable', signal: `s3:${metadata?.httpStatusCode ?? err.name}` };
  }
  const message = typeof err.message === 'string' ? err.message : '';
  const matched = CONNECTION_MESSAGES.find((pattern) => pattern.test(message));
  return matched ? { kind: 'unavailable', signal: 'connection-lost' } : null;
}

/**
 * Whether `err` (or what it wraps: `cause`, MikroORM's copy of the driver error, an
 * AggregateError from a dual-stack connect, the AWS SDK's nesting) is a backing
 * service's outage, and which kind.
 */
export function classifyOutage(err: unknown, depth = 0): Outage | null {
  if (!err || typeof err !== 'object' || depth > 5) return null;
  if (err instanceof AppError) return null;
  const fields = err as Record<string, unknown>;
  const own = ownSignal(fields);
  if (own) return own;
  for (const inner of [fields.cause, fields.originalError, fields.previous, ...(Array.isArray(fields.errors) ? fields.errors : [])]) {
    const found = classifyOutage(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

export function isBackingServiceOutage(err: unknown): boolean {
  return classifyOutage(err) !== null;
}

/** The error to answer with when `err` is an outage (503, or 507 for a full disk); null for anything else. */
export function outageOf(err: unknown): ServiceUnavailableError | null {
  if (err instanceof ServiceUnavailableError) return err;
  const outage = classifyOutage(err);
  if (!outage) return null;
  return outage.kind === 'disk-full'
    ? new ServiceUnavailableError(DISK_FULL_RETRY_AFTER_SECONDS, 'INSUFFICIENT_STORAGE')
    : new ServiceUnavailableError(OUTAGE_RETRY_AFTER_SECONDS);
}

/** The log fields of an outage: its kind and signal, never the driver's message (knex inlines the statement's values into it). */
export function outageLogFields(err: unknown): { outage: Outage } | null {
  const outage = classifyOutage(err);
  return outage ? { outage } : null;
}
