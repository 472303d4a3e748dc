import { createHash } from 'node:crypto';

/**
 * The organization's feed state, from two index probes. Built from publicly visible
 * content only, so editing a confidential, draft or expired posting never moves the
 * validators (which would tell anonymous readers that hidden postings changed).
 * Every change of the feed's bytes moves one of these fields, so the ETag can be
 * answered (and a 304 sent) without reading a single posting:
 * - a posting enters the feed or changes in it: its `updated_at` is the newest visible one;
 * - it leaves by a write (deleted, closed, made confidential): `feedChangedAt`;
 * - it leaves by time (expiry): `lastExpiredAt`;
 * - settings change: `settingsVersion` and `feedChangedAt`.
 */
export interface FeedState {
  organizationId: string;
  organizationName: string;
  organizationCreatedAt: Date;
  /** Bumped on every settings change (careers site url, feed switch…). */
  settingsVersion: number;
  /** Set when a settings change or a posting leaving the public set changes the feed. */
  feedChangedAt: Date | null;
  /** The newest `updated_at` among publicly visible postings. */
  maxUpdatedAt: Date | null;
  /** The latest expiry already passed among published, non-confidential postings. */
  lastExpiredAt: Date | null;
}

/** Bump when the feed's format changes, so caches holding the old bytes revalidate. */
const FORMAT_VERSION = 'feed-v2';

const iso = (d: Date | null) => (d ? d.toISOString() : '-');

/**
 * A weak validator: the same state always produces equivalent XML, but the bytes
 * differ per content coding (gzip, br, identity), which a strong ETag would forbid.
 * Each dialect passes its own `formatVersion`, so two formats of one state never share a tag.
 */
export function feedEtag(state: FeedState, publicUrl: string, formatVersion: string = FORMAT_VERSION): string {
  const material = [
    formatVersion,
    publicUrl,
    state.organizationId,
    state.organizationName,
    state.settingsVersion,
    iso(state.feedChangedAt),
    iso(state.maxUpdatedAt),
    iso(state.lastExpiredAt),
  ].join('\n');
  return `W/"${createHash('sha256').update(material).digest('base64url').slice(0, 27)}"`;
}

/** HTTP dates have whole seconds; flooring keeps `If-Modified-Since: <our Last-Modified>` a match. */
export function feedLastModified(state: FeedState): Date {
  const times = [state.organizationCreatedAt, state.feedChangedAt, state.maxUpdatedAt, state.lastExpiredAt]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  return new Date(Math.floor(Math.max(...times) / 1000) * 1000);
}
