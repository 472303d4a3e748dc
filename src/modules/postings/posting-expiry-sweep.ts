import type { MikroORM } from '@mikro-orm/postgresql';
import { systemFork } from '../../db/request-scope';
import type { Logger } from 'pino';
import { sweepExpired, tryExpirySweepLock } from './posting-counts.repository';

/**
 * Postings that expire with time leave the public set without any write, so the
 * counts table learns of it here. One instance at a time: the run takes a
 * transaction-level advisory lock with try-lock, and an instance that finds it
 * taken skips this round. Chosen over pg-boss because the job is one idempotent
 * UPDATE with no payload, retries or history to keep: a queue would add a
 * dependency, its own schema and polling workers for nothing the lock does not
 * give. Between runs the read corrects for swept-late rows, so the interval only
 * bounds how much the read has to correct, never what it returns.
 */
export class PostingExpirySweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Sweeps once; `null` when another instance holds the lock. */
  runOnce(): Promise<number | null> {
    return systemFork(this.orm).transactional(async (em) => ((await tryExpirySweepLock(em)) ? sweepExpired(em) : null));
  }

  start(): void {
    if (!this.intervalMs || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((err: unknown) => this.logger.warn({ err }, 'posting expiry sweep failed'))
        .finally(() => {
          this.running = null;
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
