import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../errors';

/**
 * Requests per minute per key. One limiter per distinct limit (rate-limiter-flexible
 * fixes points per limiter); with the postgres store the count is shared by every instance.
 */
export class KeyRateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    private readonly store: 'memory' | 'postgres',
    private readonly knex: Knex,
  ) {}

  private limiter(perMinute: number): RateLimiterAbstract {
    let limiter = this.limiters.get(perMinute);
    if (!limiter) {
      const common = { keyPrefix: `api-key-${perMinute}`, points: perMinute, duration: 60 };
      limiter =
        this.store === 'postgres'
          ? new RateLimiterPostgres({ ...common, storeClient: this.knex, storeType: 'knex', tableName: 'rate_limits', tableCreated: true })
          : new RateLimiterMemory(common);
      this.limiters.set(perMinute, limiter);
    }
    return limiter;
  }

  async consume(credentialId: string, perMinute: number): Promise<void> {
    try {
      await this.limiter(perMinute).consume(credentialId);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)), `API key rate limit of ${perMinute} requests per minute exceeded`);
      }
      throw err;
    }
  }
}
