import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { JobQueue } from '../../../db/job-queue';
import { systemFork } from '../../../db/request-scope';
import type { SearchNotice, SearchNoticeRoute } from '../../postings';
import type { NoticeRecorder } from '../notices';
import { addToBacklog, countAttempt, nextInBacklog, quotaUsed, removeFromBacklog, spendQuota, type BacklogNotice } from './google-backlog.repository';
import { GOOGLE_BATCH_LIMIT } from './google-batch';
import { publishBatch, type PartOutcome } from './google-client';
import type { AccessTokenSource } from './google-token';
import { quotaDay } from './quota-day';

/** Google notices go through one queue, so two drains never send the same backlog rows at once. */
export const GOOGLE_INDEXING_ROUTE: SearchNoticeRoute = { task: 'google-indexing-notice', queueName: 'google-indexing' };

/** A URL Google failed this many times (5xx, no answer) is given up and counted refused. */
const MAX_URL_ATTEMPTS = 10;

export interface GoogleIndexingOptions {
  /** The batch endpoint. */
  endpoint: string;
  /** Publish calls a day. */
  dailyQuota: number;
  /** The clock the quota day is read from (tests move it a day on). */
  clock: () => Date;
}

/** Seconds before retrying URLs that failed `attempts` times: 10 s, 20 s, 40 s, ... at most an hour. */
const retryDelaySeconds = (attempts: number) => Math.min(3600, 5 * 2 ** attempts);

/**
 * Google Indexing API notices. Every notice first lands in the backlog table (one row per
 * URL, the latest kind); a drain then sends as many as the day's quota allows, deletions
 * first, in batches of 100. What the quota cannot take stays for the next day's drains
 * (`requestDrain`, run hourly). Each batch is written off the backlog as soon as Google
 * answers it, and failures are retried by a later drain of the backlog, never by re-running
 * the job (its payload would be queued again): no notice is sent twice.
 */
export class GoogleIndexing {
  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly tokens: AccessTokenSource,
    private readonly recorder: NoticeRecorder,
    private readonly logger: Logger,
    private readonly options: GoogleIndexingOptions,
  ) {}

  /** Registers the queue task that runs drains. */
  define(): void {
    this.jobs.define(GOOGLE_INDEXING_ROUTE.task, (payload) => this.drain((Array.isArray(payload) ? payload : []) as SearchNotice[]));
  }

  /** Queues a drain of the backlog (after any drain in progress): the hourly run, and when a new quota day starts. */
  async requestDrain(): Promise<void> {
    await this.jobs.add(systemFork(this.orm), GOOGLE_INDEXING_ROUTE.task, [], { jobKey: GOOGLE_INDEXING_ROUTE.task, queueName: GOOGLE_INDEXING_ROUTE.queueName });
  }

  private async drain(incoming: SearchNotice[]): Promise<void> {
    const em = systemFork(this.orm);
    await addToBacklog(em, incoming);
    const day = quotaDay(this.options.clock());
    let remaining = this.options.dailyQuota - (await quotaUsed(em, day));
    let retryAfterAttempts: number | null = null;
    while (remaining > 0 && retryAfterAttempts === null) {
      const batch = await nextInBacklog(em, Math.min(GOOGLE_BATCH_LIMIT, remaining));
      if (!batch.length) break;
      let outcomes: PartOutcome[];
      try {
        outcomes = await publishBatch(this.options.endpoint, await this.tokens(), batch);
        await spendQuota(em, day, batch.length);
        remaining -= batch.length;
      } catch (err) {
        // Nothing reached Google (no token, no answer, the batch itself refused): no quota spent, every notice waits.
        this.logger.warn({ destination: 'GOOGLE', notices: batch.length, err: (err as Error).message }, 'Google Indexing API batch failed; retrying later');
        outcomes = batch.map(() => 'retry');
      }
      if (await this.settle(em, batch, outcomes)) {
        // Google's own count says the day is spent: the rest waits for tomorrow.
        await spendQuota(em, day, remaining);
        remaining = 0;
      }
      const retried = batch.filter((_, i) => outcomes[i] === 'retry');
      if (retried.length) retryAfterAttempts = Math.max(...retried.map((n) => n.attempts + 1));
    }
    if (retryAfterAttempts !== null) {
      // A separate job key, so the delay never holds back fresh notices waiting on the main one.
      await this.jobs.add(em, GOOGLE_INDEXING_ROUTE.task, [], {
        jobKey: `${GOOGLE_INDEXING_ROUTE.task}:retry`,
        queueName: GOOGLE_INDEXING_ROUTE.queueName,
        runAt: new Date(Date.now() + retryDelaySeconds(retryAfterAttempts) * 1000),
      });
    }
  }

  /** Writes one answered batch off the backlog and records each outcome; true when Google said its quota is spent. */
  private async settle(em: ReturnType<typeof systemFork>, batch: BacklogNotice[], outcomes: PartOutcome[]): Promise<boolean> {
    const having = (...kinds: PartOutcome[]) => batch.filter((_, i) => kinds.includes(outcomes[i]));
    const again = having('retry', 'quota');
    const givenUp = again.filter((n) => n.attempts + 1 >= MAX_URL_ATTEMPTS);
    const retried = again.filter((n) => !givenUp.includes(n));
    await removeFromBacklog(em, [...having('sent'), ...having('refused'), ...givenUp]);
    await countAttempt(em, retried.map((n) => n.url));
    if (having('refused').length || givenUp.length) this.logger.warn({ destination: 'GOOGLE', refused: having('refused').length, givenUp: givenUp.length }, 'search engine refused notices');
    await this.recorder.record('GOOGLE', 'sent', having('sent'));
    await this.recorder.record('GOOGLE', 'refused', [...having('refused'), ...givenUp]);
    await this.recorder.record('GOOGLE', 'retried', retried);
    return outcomes.includes('quota');
  }
}
