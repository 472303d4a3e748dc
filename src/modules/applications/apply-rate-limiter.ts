import type { Knex } from '@mikro-orm/postgresql';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrThrow, createRateLimiter, type RateLimitStore } from '../../db/rate-limiter';

export interface ApplyRateLimiterOptions {
  store: RateLimitStore;
  knex: Knex;
  /** Applies per second per postings key and per client IP; 0 turns the limit off. Lever documents 2. */
  perSecond: number;
}

/**
 * Limits public applies per postings key and per client IP, so neither one noisy
 * career site nor one client behind many sites can flood an organization. With the
 * postgres store the counts are shared by every instance (table rate_limits).
 */
export class ApplyRateLimiter {
  private readonly limiter: RateLimiterAbstract | null;

  constructor(private readonly options: ApplyRateLimiterOptions) {
    this.limiter = options.perSecond
      ? createRateLimiter(options.store, options.knex, { keyPrefix: 'apply', points: options.perSecond, durationSeconds: 1 })
      : null;
  }

  async consume(postingsKeyId: string, ip: string): Promise<void> {
    if (!this.limiter) return;
    await this.take(`key:${postingsKeyId}`, 'this postings key');
    await this.take(`ip:${ip}`, 'this client');
  }

  private take(key: string, who: string): Promise<void> {
    return consumeOrThrow(this.limiter!, key, `At most ${this.options.perSecond} applications per second for ${who}`);
  }
}
