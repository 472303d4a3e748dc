import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { JobQueue } from '../../db/job-queue';
import { systemFork } from '../../db/request-scope';
import type { WebhookDueSignal } from './webhook-due-signal';
import { WebhookRepository } from './webhook.repository';

export const DELIVER_TASK = 'webhook-deliver';

export interface WebhookPumpOptions {
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

  /** When the timer fires; the timer is only ever moved earlier. */
  private timerAt = Infinity;

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // After a reconnect NOTIFYs may have been missed: look at once.
    await this.due.listen(() => this.wake(), () => this.wake());
    this.wake();
  }

  /**
   * Runs a round at `at`: when the next retry comes due. There is no idle poll. A pump
   * wakes on the due signal (new messages, redeliveries, recovered ones), after a lost
   * LISTEN connection, at the next due time it learnt from its last round, and when this
   * instance schedules a retry. Retries another instance scheduled after this pump's
   * last round are its to wake for; should it die, the minute's recovery task signals.
   */
  wakeAt(at: Date): void {
    if (this.stopped || at.getTime() >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at.getTime();
    // setTimeout takes at most 2^31 - 1 ms (24.8 days); a later time is reached in steps.
    this.timer = setTimeout(() => {
      this.timerAt = Infinity;
      this.timer = undefined;
      this.wake();
    }, Math.min(2 ** 31 - 1, Math.max(0, this.timerAt - Date.now())));
    this.timer.unref();
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
        this.logger.warn({ err }, 'webhook messages not handed to the job queue; trying again in a second');
        this.wakeAt(new Date(Date.now() + 1000));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.gapMs).unref());
      if (!this.again || this.stopped) return;
    }
  }

  /** Batches every due message; returns how many batches (jobs) it added (public for tests). */
  async pumpOnce(): Promise<number> {
    let moved = 0;
    for (;;) {
      const { tokens, nextDueAt } = await systemFork(this.orm).transactional(async (em) => {
        const found = await this.repository.batchDueMessages(em, this.options.perRound, this.options.batchSize);
        await this.jobs.addMany(em, DELIVER_TASK, found.tokens.map((batch) => ({ batch })), { maxAttempts: 1 });
        return found;
      });
      moved += tokens.length;
      if (nextDueAt) this.wakeAt(nextDueAt);
      // Fewer than a full round: the rest (if any) is another pump's, locked right now.
      if (tokens.length * this.options.batchSize < this.options.perRound) return moved;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    await this.running;
  }
}
