import type { Knex } from '@mikro-orm/postgresql';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../../auth/principal';
import { consumeOrThrow, createRateLimiter, type RateLimitStore } from '../../db/rate-limiter';

export interface UploadRateLimiterOptions {
  store: RateLimitStore;
  knex: Knex;
  /** Uploads per minute per credential (postings key, data key) or user; 0 turns the limit off. */
  perKeyPerMinute: number;
  /** Uploads per minute per client IP; 0 turns the limit off. */
  perIpPerMinute: number;
}

/**
 * Limits `POST /uploads` per caller and per client IP before the body is read, so
 * neither one career-site key nor one client can stream file after file into storage
 * (12 uploads of 5 MiB went through in one second with the postings key).
 */
export class UploadRateLimiter {
  private readonly perKey: RateLimiterAbstract | null;
  private readonly perIp: RateLimiterAbstract | null;

  constructor(private readonly options: UploadRateLimiterOptions) {
    const { store, knex } = options;
    this.perKey = options.perKeyPerMinute
      ? createRateLimiter(store, knex, { keyPrefix: 'upload-key', points: options.perKeyPerMinute, durationSeconds: 60 })
      : null;
    this.perIp = options.perIpPerMinute
      ? createRateLimiter(store, knex, { keyPrefix: 'upload-ip', points: options.perIpPerMinute, durationSeconds: 60 })
      : null;
  }

  async consume(principal: Principal, ip: string): Promise<void> {
    const caller = principal.credentialId ?? principal.userId ?? principal.organizationId;
    if (this.perKey) await consumeOrThrow(this.perKey, caller, `At most ${this.options.perKeyPerMinute} uploads per minute for this credential`);
    if (this.perIp) await consumeOrThrow(this.perIp, ip, `At most ${this.options.perIpPerMinute} uploads per minute from this client`);
  }
}
