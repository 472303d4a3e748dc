import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createRateLimiter } from '../../db/rate-limiter';
import { RateLimitedError } from '../../errors';

const WINDOW_SECONDS = 15 * 60;

export interface LoginThrottleLimits {
  perAccount: number;
  perIp: number;
}

/** A reserved login attempt: kept when the password is wrong, handed back when it is right. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Counts login attempts per (organization, email) and per IP in PostgreSQL, so the
 * limit holds across every instance.
 *
 * An attempt is reserved (an atomic increment) BEFORE the password is verified: a check
 * first and a count after the verification let parallel guesses all pass the check
 * before any of them was counted (30 parallel guesses got 28-29 verifications against a
 * limit of 10). Only failures stay counted: a success refunds its IP point and clears
 * the account counter, as the owner has proved who they are.
 */
export class LoginThrottle {
  private readonly account: RateLimiterAbstract;
  private readonly ip: RateLimiterAbstract;

  constructor(knex: Knex, limits: LoginThrottleLimits) {
    // Always the PostgreSQL store: a password-guessing limit must hold across every instance.
    this.account = createRateLimiter('postgres', knex, { keyPrefix: 'login-account', points: limits.perAccount, durationSeconds: WINDOW_SECONDS });
    this.ip = createRateLimiter('postgres', knex, { keyPrefix: 'login-ip', points: limits.perIp, durationSeconds: WINDOW_SECONDS });
  }

  private static accountKey(slug: string, email: string): string {
    return `${slug.toLowerCase()}:${email.toLowerCase()}`;
  }

  /** Reserves one attempt on both counters, or throws RATE_LIMITED (and keeps nothing) when either is spent. */
  async reserve(slug: string, email: string, ip: string): Promise<LoginAttempt> {
    const accountKey = LoginThrottle.accountKey(slug, email);
    const [account, byIp] = await Promise.allSettled([this.account.consume(accountKey), this.ip.consume(ip)]);
    const refused = [account, byIp].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (refused.length) {
      // A refused attempt is not an attempt: hand back every point this call took,
      // including the over-limit increments, so the window is not stretched by noise.
      await Promise.all([this.account.reward(accountKey), this.ip.reward(ip)]);
      const unexpected = refused.find((r) => !(r.reason instanceof RateLimiterRes));
      if (unexpected) throw unexpected.reason;
      const wait = Math.max(...refused.map((r) => (r.reason as RateLimiterRes).msBeforeNext));
      throw new RateLimitedError(Math.max(1, Math.ceil(wait / 1000)), 'Too many failed login attempts');
    }
    return {
      succeeded: async () => {
        await Promise.all([this.account.delete(accountKey), this.ip.reward(ip)]);
      },
    };
  }
}
