import { createHash, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { stringify } from 'safe-stable-stringify';
import type { PgNotifier } from '../../db/pg-notifier';

export const PUBLIC_CACHE_CHANNEL = 'jobgate_public_cache';

export interface CacheableRequest {
  query: string;
  variables?: unknown;
  operationName?: string | null;
}

/**
 * Finished public API responses, per organization and request (document, variables,
 * operation name), bounded by bytes. Invalidation bumps the organization's generation,
 * which is part of every key, so stale entries become unreachable at once and age out
 * of the LRU; the bump is broadcast with NOTIFY so every instance does the same.
 */
export class PublicResponseCache {
  private readonly entries: LRUCache<string, Buffer>;
  private readonly generations = new Map<string, number>();
  private readonly waiters = new Map<string, (() => void)[]>();
  /** Tags this instance's notifications, so it does not invalidate twice (locally, then on its own echo). */
  private readonly instanceId = randomUUID();
  hits = 0;
  misses = 0;

  constructor(
    maxBytes: number,
    ttlMs: number,
    private readonly notifier: PgNotifier | null,
    private readonly execute: (sql: string, params: unknown[]) => Promise<unknown>,
  ) {
    this.entries = new LRUCache<string, Buffer>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: (body, key) => body.length + key.length,
      ttl: ttlMs,
    });
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
      () => this.entries.clear(),
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

  set(key: string, body: Buffer): void {
    this.entries.set(key, body);
  }

  /** Drops the organization's entries here now and on every other instance on commit of the NOTIFY. */
  async invalidate(organizationId: string): Promise<void> {
    this.bump(organizationId);
    await this.execute('select pg_notify(?, ?)', [PUBLIC_CACHE_CHANNEL, `${this.instanceId} ${organizationId}`]);
  }

  /** Resolves when this instance next invalidates `organizationId` (lets tests wait for a NOTIFY to arrive). */
  nextInvalidation(organizationId: string): Promise<void> {
    return new Promise((resolve) => this.waiters.set(organizationId, [...(this.waiters.get(organizationId) ?? []), resolve]));
  }

  private bump(organizationId: string): void {
    this.generations.set(organizationId, (this.generations.get(organizationId) ?? 0) + 1);
    const waiting = this.waiters.get(organizationId);
    this.waiters.delete(organizationId);
    waiting?.forEach((resolve) => resolve());
  }
}
