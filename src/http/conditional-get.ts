import type { IncomingHttpHeaders } from 'node:http';

/** What a response can be revalidated against. */
export interface Validators {
  etag: string;
  lastModified?: Date;
}

/** The opaque part of an entity tag, for weak comparison (RFC 9110 §8.8.3.2): `W/"x"` and `"x"` match. */
const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

function anyTagMatches(ifNoneMatch: string, etag: string): boolean {
  const ours = opaque(etag);
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || opaque(tag) === ours;
  });
}

/**
 * The one conditional-GET decision (RFC 9110 §13.2.2): If-None-Match with weak
 * comparison decides when present (`*` matches any current representation), and
 * If-Modified-Since is read only without it. `Cache-Control: no-cache` is ignored on
 * purpose: it tells caches to revalidate, and this is the revalidation. Every fetch()
 * client sends it with If-None-Match, so honouring it (as the `fresh` package does)
 * meant no fetch() client ever got a 304. `fresh` also compares If-Modified-Since even
 * when If-None-Match matched, which RFC 9110 forbids; hence these few lines of our own.
 */
export function isNotModified(requestHeaders: IncomingHttpHeaders, validators: Validators): boolean {
  const ifNoneMatch = requestHeaders['if-none-match'];
  if (typeof ifNoneMatch === 'string') return anyTagMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = requestHeaders['if-modified-since'];
  if (typeof ifModifiedSince !== 'string' || !validators.lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && validators.lastModified.getTime() <= since;
}
