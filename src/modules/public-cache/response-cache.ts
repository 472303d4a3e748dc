import { createHash, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { stringify } from 'safe-stable-stringify';
import type { Publish } from '../../db/notify.repository';
import type { PgNotifier } from '../../db/pg-notifier';

export const PUBLIC_CACHE_CHANNEL = 'jobgate_public_cache';

export interface CacheableRequest {
  query: string;
  variables?: unknown;
  operationName?: string | null;
}

/** What one entry costs besides its body and key: the LRU's node and index slots, the per-organization set. */
const ENTRY_OVERHEAD_BYTES = 96;

/**
 * Finished public API responses, per organization and request (document, variables,
 * operation name), bounded by bytes. Invalidation bumps the organization's generation,
 * which is part of every key, so stale entries become unreachable at once, and deletes
 * that organization's entries right away; the bump is broadcast with NOTIFY so every
 * instance does the same.
 *
 * The byte limit counts what is really held: each body is copied into a Buffer of its
 * own. A small Buffer made from a string is a slice of Node's shared 8 KB pool, and
 * keeping the slice keeps the whole pool alive: the cache counted 1.7 MB while pinning
 * 17.1 MB.
 */
export class PublicResponseCache {
  private readonly entries: LRUCache<string, Buffer>;
  private readonly generations = new Map<string, number>();
  /** Keys cached per organization, so an invalidation can drop them without scanning the cache. */
  private readonly keysByOrganization = new Map<string, Set<string>>();
  private readonly invalidateListeners = new Set<(organizationId: string) => void>();
  /** Tags this instance's notifications, so it does not invalidate twice (locally, then on its own echo). */
  private readonly instanceId = randomUUID();
  hits = 0;
  misses = 0;

  constructor(
    maxBytes: number,
    ttlMs: number,
    private readonly notifier: PgNotifier | null,
    private readonly publish: Publish,
  ) {
    this.entries = new LRUCache<string, Buffer>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: (body, key) => body.length + key.length + ENTRY_OVERHEAD_BYTES,
      ttl: ttlMs,
      // Evicted, expired, replaced or deleted: forget the key in its organization's set too.
      dispose: (_body, key) => this.forgetKey(key),
    });
  }

  /** Bytes the LRU counts against its limit. */
  get countedBytes(): number {
    return this.entries.calculatedSize;
  }

  clear(): void {
    this.entries.clear();
    this.keysByOrganization.clear();
  }

  get enabled(): boolean {
    return this.entries.maxSize > 1;
  }

  /** Subscribes this instance to invalidations made by any instance. */
  async start(): Promise<void> {
    await this.notifier?.subscribe(
      PUBLIC_CACHE_CHANNEL,
      (payload) => {
        const [sender, organizationId] = payload.split(' ');
        if (sender !== this.instanceId && organizationId) this.bump(organizationId);
      },
      () => this.clear(),
    );
  }

  key(organizationId: string, request: CacheableRequest): string {
    const digest = createHash('sha256')
      .update(request.query)
      .update('\0')
      // Sorted keys: the same variables in another order are the same request.
      .update(stringify(request.variables ?? {}) ?? '')
      .update('\0')
      .update(request.operationName ?? '')
      .digest('base64url');
    return `${organizationId}:${this.generations.get(organizationId) ?? 0}:${digest}`;
  }

  get(key: string): Buffer | undefined {
    const body = this.entries.get(key);
    if (body) this.hits += 1;
    else this.misses += 1;
    return body;
  }

  /** Stores a copy of `body`: never a slice of Node's shared pool, so the byte bound counts what is really held. */
  set(key: string, body: Buffer): void {
    const own = Buffer.allocUnsafeSlow(body.length); // never a slice of the shared pool
    body.copy(own);
    const organizationId = organizationOf(key);
    let keys = this.keysByOrganization.get(organizationId);
    if (!keys) {
      keys = new Set();
      this.keysByOrganization.set(organizationId, keys);
    }
    this.entries.set(key, own);
    // An entry larger than the whole cache is not stored, so it is not tracked either.
    if (this.entries.has(key)) keys.add(key);
  }

  /** Drops the organization's entries here now and on every other instance on commit of the NOTIFY. */
  async invalidate(organizationId: string): Promise<void> {
    this.bump(organizationId);
    await this.publish(PUBLIC_CACHE_CHANNEL, `${this.instanceId} ${organizationId}`);
  }

  /**
   * Calls `listener` after each invalidation of an organization's entries here (its own
   * or heard through NOTIFY), for whoever needs to know a change arrived; returns the unsubscribe.
   */
  onInvalidate(listener: (organizationId: string) => void): () => void {
    this.invalidateListeners.add(listener);
    return () => this.invalidateListeners.delete(listener);
  }

  private bump(organizationId: string): void {
    this.generations.set(organizationId, (this.generations.get(organizationId) ?? 0) + 1);
    // The old generation can never be read again: free its memory now, not when size pressure evicts it.
    const keys = this.keysByOrganization.get(organizationId);
    this.keysByOrganization.delete(organizationId);
    for (const key of keys ?? []) this.entries.delete(key);
    for (const listener of this.invalidateListeners) listener(organizationId);
  }

  private forgetKey(key: string): void {
    const organizationId = organizationOf(key);
    const keys = this.keysByOrganization.get(organizationId);
    if (!keys) return;
    keys.delete(key);
    if (!keys.size) this.keysByOrganization.delete(organizationId);
  }
}

/** Keys are `organizationId:generation:digest`. */
function organizationOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}
