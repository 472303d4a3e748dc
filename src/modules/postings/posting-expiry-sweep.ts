import type { MikroORM } from '@mikro-orm/postgresql';
import { sweepExpired, tryExpirySweepLock, type ExpiredPosting } from './posting-counts.repository';
import { enqueueExpiryNotices, type SearchNoticeSink } from './posting-notices';

/**
 * Postings that expire with time leave the public set without any write, so the
 * counts table learns of it here. It runs once a minute as a job of the queue;
 * the transaction-level try-lock still keeps a late run from overlapping the next
 * one. Between runs the read corrects for swept-late rows, so the interval only
 * bounds how much the read has to correct, never what it returns.
 */
export class PostingExpirySweep {
  constructor(
    private readonly orm: MikroORM,
    private readonly notices?: SearchNoticeSink,
  ) {}

  /** Sweeps once and returns the postings it expired (their notices queued in the same transaction); `null` when another instance holds the lock. */
  runOnce(): Promise<ExpiredPosting[] | null> {
    return this.orm.em.fork().transactional(async (em) => {
      if (!(await tryExpirySweepLock(em))) return null;
      const expired = await sweepExpired(em);
      await enqueueExpiryNotices(em, this.notices, expired);
      return expired;
    });
  }
}
