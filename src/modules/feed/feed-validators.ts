import { createHash } from 'node:crypto';

/**
 * The organization's feed state, from one aggregate query. Everything that changes
 * the feed's bytes changes one of these fields, so the ETag can be answered (and a
 * 304 sent) without reading a single posting.
 */
export interface FeedState {
  organizationId: string;
  organizationName: string;
  organizationCreatedAt: Date;
  /** Bumped on every settings change (careers site url, feed switch…). */
  settingsVersion: number;
  visibleCount: number;
  /** Over every posting of the organization, whatever its state: closing or unpublishing one moves it too. */
  maxUpdatedAt: Date | null;
  maxPublishedAt: Date | null;
  /** The latest expiry already passed: a posting leaving the feed by time moves Last-Modified forward. */
  lastExpiredAt: Date | null;
}

/** Bump when the feed's format changes, so caches holding the old bytes revalidate. */
const FORMAT_VERSION = 'feed-v1';

const iso = (d: Date | null) => (d ? d.toISOString() : '-');

/**
 * A weak validator: the same state always produces equivalent XML, but the bytes
 * differ per content coding (gzip, br, identity), which a strong ETag would forbid.
 */
export function feedEtag(state: FeedState, publicUrl: string): string {
  const material = [
    FORMAT_VERSION,
    publicUrl,
    state.organizationId,
    state.organizationName,
    state.settingsVersion,
    state.visibleCount,
    iso(state.maxUpdatedAt),
    iso(state.maxPublishedAt),
    iso(state.lastExpiredAt),
  ].join('\n');
  return `W/"${createHash('sha256').update(material).digest('base64url').slice(0, 27)}"`;
}

/** HTTP dates have whole seconds; flooring keeps `If-Modified-Since: <our Last-Modified>` a match. */
export function feedLastModified(state: FeedState): Date {
  const times = [state.organizationCreatedAt, state.maxUpdatedAt, state.maxPublishedAt, state.lastExpiredAt]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  return new Date(Math.floor(Math.max(...times) / 1000) * 1000);
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * RFC 9110 §13.2.2: If-None-Match (weak comparison) decides when present, and
 * If-Modified-Since is only consulted without it.
 */
export function isNotModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, lastModified: Date): boolean {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}
