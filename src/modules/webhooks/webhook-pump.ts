import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { JobQueue } from '../../db/job-queue';
import { systemFork } from '../../db/request-scope';
import type { WebhookDueSignal } from './webhook-due-signal';
import { WebhookRepository } from './webhook.repository';

export const DELIVER_TASK = 'webhook-deliver';

export interface WebhookPumpOptions {
  /** The fallback poll: retries coming due, and NOTIFYs lost while the LISTEN connection was down. */
  intervalMs: number;
  /** Messages per delivery job. */
  batchSize: number;
  /** Messages batched per transaction. */
  perRound: number;
  /**
   * The least time between two rounds. A lone change is batched at once; under a stream
   * of changes the wake-ups of this long fold into one round, so batches grow with the
   * load instead of each change paying a round, a job and its bookkeeping.
   */
  gapMs: number;
}

/**
 * Hands due webhook messages to the job queue in batches. A change only inserts its
 * messages; once it commits, a due signal (NOTIFY) wakes every instance's pump, which takes the
 * due rows with SKIP LOCKED, marks them with a batch token and adds one delivery job per
 * batch, in one transaction. So a change no longer holds its transaction open for a
 * keyed job per subscriber, and a delivery job does its bookkeeping once for a batch
 * instead of once per message. Wake-ups that arrive while a round runs fold into one
 * more round.
 */
export class WebhookPump {
  private readonly repository = new WebhookRepository();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly due: WebhookDueSignal,
    private readonly logger: Logger,
    private readonly options: WebhookPumpOptions,
  ) {}

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // After a reconnect NOTIFYs may have been missed: look at once rather than at the next poll.
    await this.due.listen(() => this.wake(), () => this.wake());
    this.poll();
    this.wake();
  }

  /** Runs a round now, or one more after the round in flight. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.rounds().finally(() => (this.running = undefined));
  }

  private async rounds(): Promise<void> {
    for (;;) {
      this.again = false;
      try {
        await this.pumpOnce();
      } catch (err) {
        this.logger.warn({ err }, 'webhook messages not handed to the job queue; the next poll tries again');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.gapMs).unref());
      if (!this.again || this.stopped) return;
    }
  }

  private poll(): void {
    this.timer = setTimeout(() => {
      this.wake();
      if (!this.stopped) this.poll();
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Batches every due message; returns how many batches (jobs) it added (public for tests). */
  async pumpOnce(): Promise<number> {
    let moved = 0;
    for (;;) {
      const batches = await systemFork(this.orm).transactional(async (em) => {
        const tokens = await this.repository.batchDueMessages(em, this.options.perRound, this.options.batchSize);
        await this.jobs.addMany(em, DELIVER_TASK, tokens.map((batch) => ({ batch })), { maxAttempts: 1 });
        return tokens.length;
      });
      moved += batches;
      // Fewer than a full round: the rest (if any) is another pump's, locked right now.
      if (batches * this.options.batchSize < this.options.perRound) return moved;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
