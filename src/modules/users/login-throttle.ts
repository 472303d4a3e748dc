import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createRateLimiter } from '../../db/rate-limiter';
import { RateLimitedError } from '../../errors';

const WINDOW_SECONDS = 15 * 60;

export interface LoginThrottleLimits {
  perAccount: number;
  perIp: number;
}

/**
 * Counts failed logins per (organization, email) and per IP in PostgreSQL, so the
 * limit holds across every instance. Successful logins clear the account counter.
 */
export class LoginThrottle {
  private readonly account: RateLimiterAbstract;
  private readonly ip: RateLimiterAbstract;

  constructor(knex: Knex, private readonly limits: LoginThrottleLimits) {
    // Always the PostgreSQL store: a password-guessing limit must hold across every instance.
    this.account = createRateLimiter('postgres', knex, { keyPrefix: 'login-account', points: limits.perAccount, durationSeconds: WINDOW_SECONDS });
    this.ip = createRateLimiter('postgres', knex, { keyPrefix: 'login-ip', points: limits.perIp, durationSeconds: WINDOW_SECONDS });
  }

  private static accountKey(slug: string, email: string): string {
    return `${slug.toLowerCase()}:${email.toLowerCase()}`;
  }

  /** Throws RATE_LIMITED when either counter is already past its limit. */
  async assertAllowed(slug: string, email: string, ip: string): Promise<void> {
    const [account, byIp] = await Promise.all([this.account.get(LoginThrottle.accountKey(slug, email)), this.ip.get(ip)]);
    const blocked = [
      [account, this.limits.perAccount],
      [byIp, this.limits.perIp],
    ].filter(([res, limit]) => res && (res as RateLimiterRes).consumedPoints >= (limit as number));
    if (blocked.length) {
      const wait = Math.max(...blocked.map(([res]) => (res as RateLimiterRes).msBeforeNext));
      throw new RateLimitedError(Math.max(1, Math.ceil(wait / 1000)), 'Too many failed login attempts');
    }
  }

  async recordFailure(slug: string, email: string, ip: string): Promise<void> {
    const swallowLimit = (err: unknown) => {
      if (!(err instanceof RateLimiterRes)) throw err;
    };
    await Promise.all([
      this.account.consume(LoginThrottle.accountKey(slug, email)).catch(swallowLimit),
      this.ip.consume(ip).catch(swallowLimit),
    ]);
  }

  async recordSuccess(slug: string, email: string): Promise<void> {
    await this.account.delete(LoginThrottle.accountKey(slug, email));
  }
}
