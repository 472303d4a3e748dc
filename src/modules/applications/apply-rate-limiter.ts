import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../errors';

export interface ApplyRateLimiterOptions {
  store: 'memory' | 'postgres';
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
    const common = { keyPrefix: 'apply', points: options.perSecond, duration: 1 };
    this.limiter = !options.perSecond
      ? null
      : options.store === 'postgres'
        ? new RateLimiterPostgres({ ...common, storeClient: options.knex, storeType: 'knex', tableName: 'rate_limits', tableCreated: true })
        : new RateLimiterMemory(common);
  }

  async consume(postingsKeyId: string, ip: string): Promise<void> {
    if (!this.limiter) return;
    await this.take(`key:${postingsKeyId}`, 'this postings key');
    await this.take(`ip:${ip}`, 'this client');
  }

  private async take(key: string, who: string): Promise<void> {
    try {
      await this.limiter!.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)), `At most ${this.options.perSecond} applications per second for ${who}`);
      }
      throw err;
    }
  }
}
