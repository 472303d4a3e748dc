import { createHash } from 'node:crypto';
import type { PublicResponseCache } from '../public-cache/response-cache';

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
 */
export class CareerPageCache {
  // Keyed by the cached Buffer itself: the entry lives exactly as long as the LRU keeps the body.
  private readonly metas = new WeakMap<Buffer, PageMeta>();

  constructor(private readonly cache: PublicResponseCache) {}

  key(organizationId: string, page: string, params: Record<string, unknown>): string {
    return this.cache.key(organizationId, { query: `career-page:${page}`, variables: params });
  }

  get(key: string): Page | null {
    if (!this.cache.enabled) return null;
    const body = this.cache.get(key);
    const meta = body && this.metas.get(body);
    return body && meta ? { body, ...meta } : null;
  }

  /** Builds the page's validator; stores it when the cache is on. */
  put(key: string, html: string, headers: Record<string, string>): Page {
    const body = Buffer.from(html, 'utf8');
    const page: Page = { body, headers, etag: etagOf(body) };
    if (this.cache.enabled) {
      // The cache keeps (and later returns) its own copy of the bytes: key the meta by that copy.
      this.metas.set(this.cache.set(key, body), { etag: page.etag, headers });
    }
    return page;
  }
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
