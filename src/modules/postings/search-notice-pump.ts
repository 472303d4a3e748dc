import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { systemFork } from '../../db/request-scope';
import type { SearchNoticeSink } from './posting-notices';
import { latestPerUrl } from './search-notice';
import { hasSearchNotices, takeSearchNotices } from './search-notice-outbox.repository';

/** Notices handed on per transaction: IndexNow takes 10 000 URLs a request. */
const PUMP_BATCH = 10_000;

/**
 * Moves search-engine notices from the outbox to each engine's job, every `intervalMs`.
 * A posting change only inserts its notice row; the keyed job that merges notices into
 * one request per engine is touched here, once per interval, instead of by every change
 * while it holds its transaction open. Taking the rows and adding the jobs is one
 * transaction, so a notice reaches the queue exactly once, from whichever instance's pump.
 */
export class SearchNoticePump {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly sink: SearchNoticeSink,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Starts pumping; with no search engine configured nothing is ever written, so nothing runs. */
  start(): void {
    if (!this.sink.routes.length || this.timer) return;
    this.stopped = false;
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.pumpOnce()
        .catch((err: unknown) => this.logger.warn({ err }, 'search notices not handed to the job queue; trying again'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Hands every waiting notice on; returns how many (public so tests and the expiry sweep need not wait). */
  async pumpOnce(): Promise<number> {
    let moved = 0;
    while (await hasSearchNotices(systemFork(this.orm))) {
      const taken = await systemFork(this.orm).transactional(async (em) => {
        const taken = await takeSearchNotices(em, PUMP_BATCH);
        // A page edited five times since the last pump is announced once, as it is now (the latest kind).
        const notices = latestPerUrl(taken);
        for (const route of this.sink.routes) {
          // Array payloads merge into the waiting job of the same key: one request per engine per batch.
          if (notices.length) await this.sink.jobs.add(em, route.task, notices, { jobKey: route.task, queueName: route.queueName, maxAttempts: 10 });
        }
        return taken.length;
      });
      moved += taken;
      // Rows exist but another pump holds them all: that pump hands them on.
      if (taken < PUMP_BATCH) break;
    }
    return moved;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
