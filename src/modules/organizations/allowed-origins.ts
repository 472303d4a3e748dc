import { LRUCache } from 'lru-cache';
import type { OrganizationRepository } from './organization.repository';

/** Settings changes reach other instances within this; the local instance clears at once. */
const CACHE_TTL_MS = 5_000;

/**
 * Which origins organizations allow (`settings.allowedOrigins`), cached briefly and
 * boundedly so that floods with random origins cost at most one query per origin per
 * TTL and cannot grow memory.
 */
export class AllowedOrigins {
  private readonly anywhere: LRUCache<string, boolean>;
  private readonly byOrganization: LRUCache<string, string[]>;

  constructor(repository: OrganizationRepository) {
    this.anywhere = new LRUCache<string, boolean>({
      max: 1000,
      ttl: CACHE_TTL_MS,
      fetchMethod: (origin) => repository.anyAllowsOrigin(origin),
    });
    this.byOrganization = new LRUCache<string, string[]>({
      max: 1000,
      ttl: CACHE_TTL_MS,
      fetchMethod: (organizationId) => repository.allowedOriginsOf(organizationId),
    });
  }

  /** For callers without a (valid) credential: is the origin allowed by any organization? */
  async allowedByAny(origin: string): Promise<boolean> {
    return (await this.anywhere.fetch(origin)) ?? false;
  }

  async allowedBy(organizationId: string, origin: string): Promise<boolean> {
    return ((await this.byOrganization.fetch(organizationId)) ?? []).includes(origin);
  }

  clear(): void {
    this.anywhere.clear();
    this.byOrganization.clear();
  }
}
