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
 *
 * The cache holds bytes only (and copies them, so it counts what it holds); the
 * page's validator and headers travel inside the entry as a length-prefixed JSON
 * header, so they are counted too and live exactly as long as the body.
 */
export class CareerPageCache {
  constructor(private readonly cache: PublicResponseCache) {}

  key(organizationId: string, page: string, params: Record<string, unknown>): string {
    return this.cache.key(organizationId, { query: `career-page:${page}`, variables: params });
  }

  get(key: string): Page | null {
    if (!this.cache.enabled) return null;
    const entry = this.cache.get(key);
    return entry ? unpack(entry) : null;
  }

  /** Builds the page's validator; stores it when the cache is on. */
  put(key: string, html: string, headers: Record<string, string>): Page {
    const body = Buffer.from(html, 'utf8');
    const page: Page = { body, headers, etag: etagOf(body) };
    if (this.cache.enabled) this.cache.set(key, pack(page));
    return page;
  }
}

function pack(page: Page): Buffer {
  const meta = Buffer.from(JSON.stringify({ etag: page.etag, headers: page.headers } satisfies PageMeta), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(meta.length);
  return Buffer.concat([length, meta, page.body]);
}

function unpack(entry: Buffer): Page {
  const metaLength = entry.readUInt32BE(0);
  const meta = JSON.parse(entry.subarray(4, 4 + metaLength).toString('utf8')) as PageMeta;
  return { ...meta, body: entry.subarray(4 + metaLength) };
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
