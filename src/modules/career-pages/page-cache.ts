import { createHash } from 'node:crypto';
import { packEntry, unpackEntry, type PublicResponseCache } from '../public-cache';

/** What a cached page needs besides its bytes: its validator and the headers that depend on it (CSP hashes, framing). */
export interface PageMeta {
  etag: string;
  headers: Record<string, string>;
}

export interface Page extends PageMeta {
  body: Buffer;
}

/**
 * Finished career pages in the public API's response cache: same memory bound,
 * same per-organization generation, so every postings or settings write
 * invalidates them on every instance exactly as it does the API's responses.
 * The ETag is a hash of the bytes, so it changes exactly when the page does.
 * The page's validator and headers travel inside the entry (public-cache/cache-entry.ts).
 */
export class CareerPageCache {
  constructor(private readonly cache: PublicResponseCache) {}

  key(organizationId: string, page: string, params: Record<string, unknown>): string {
    return this.cache.key(organizationId, { query: `career-page:${page}`, variables: params });
  }

  get(key: string): Page | null {
    if (!this.cache.enabled) return null;
    const entry = this.cache.get(key);
    if (!entry) return null;
    const { meta, body } = unpackEntry<PageMeta>(entry);
    return { ...meta, body };
  }

  /** Builds the page's validator; stores it when the cache is on. */
  put(key: string, html: string, headers: Record<string, string>): Page {
    const body = Buffer.from(html, 'utf8');
    const page: Page = { body, headers, etag: etagOf(body) };
    if (this.cache.enabled) this.cache.set(key, packEntry({ etag: page.etag, headers } satisfies PageMeta, body));
    return page;
  }
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
