import type { Knex } from '@mikro-orm/postgresql';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrThrow, createRateLimiter, type RateLimitStore } from '../db/rate-limiter';

/**
 * Requests per minute per key. One limiter per distinct limit (rate-limiter-flexible
 * fixes points per limiter); with the postgres store the count is shared by every instance.
 */
export class KeyRateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    private readonly store: RateLimitStore,
    private readonly knex: Knex,
  ) {}

  private limiter(perMinute: number): RateLimiterAbstract {
    let limiter = this.limiters.get(perMinute);
    if (!limiter) {
      limiter = createRateLimiter(this.store, this.knex, { keyPrefix: `api-key-${perMinute}`, points: perMinute, durationSeconds: 60 });
      this.limiters.set(perMinute, limiter);
    }
    return limiter;
  }

  consume(credentialId: string, perMinute: number): Promise<void> {
    return consumeOrThrow(this.limiter(perMinute), credentialId, `API key rate limit of ${perMinute} requests per minute exceeded`);
  }
}
