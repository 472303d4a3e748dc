import type { MikroORM } from '@mikro-orm/postgresql';
import { systemFork } from '../../db/request-scope';
import { sweepExpired, tryExpirySweepLock } from './posting-counts.repository';

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
  ) {}

  /** Sweeps once; `null` when another instance holds the lock. */
  runOnce(): Promise<number | null> {
    return systemFork(this.orm).transactional(async (em) => ((await tryExpirySweepLock(em)) ? sweepExpired(em) : null));
  }
}
