import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors';

export type RateLimitStore = 'memory' | 'postgres';

export interface RateLimitSpec {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * The one way limiters are built: in memory (one instance), or in PostgreSQL's
 * `rate_limits` table (created by the init migration) so every instance shares the count.
 */
export function createRateLimiter(store: RateLimitStore, knex: Knex, spec: RateLimitSpec): RateLimiterAbstract {
  const common = { keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds };
  return store === 'postgres'
    ? new RateLimiterPostgres({ ...common, storeClient: knex, storeType: 'knex', tableName: 'rate_limits', tableCreated: true })
    : new RateLimiterMemory(common);
}

/** Consumes one point, turning "limit reached" into RATE_LIMITED with whole seconds to wait. */
export async function consumeOrThrow(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)), message);
    throw err;
  }
}
