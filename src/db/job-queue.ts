import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, parseCronItems, run, runMigrations, type CronItem, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { enqueue, queueDepth, type EnqueueOptions, type QueueDepth } from './job-queue.repository';

export type { EnqueueOptions, QueueDepth } from './job-queue.repository';

/** What a task receives: its payload, and the attempt it is on (1 for the first). */
export interface JobContext {
  attempt: number;
  maxAttempts: number;
  jobId: string;
}

export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

export interface JobQueueOptions {
  /** Jobs run at once on this instance. */
  concurrency: number;
  /** How often the worker polls besides LISTEN/NOTIFY (graphile-worker's pollInterval). */
  pollIntervalMs: number;
  /** false: this instance enqueues but never runs jobs (an API-only instance, or a test). */
  runWorker: boolean;
}

/**
 * The service's job queue: graphile-worker on the same PostgreSQL. Jobs are added
 * in the caller's transaction (`add`), so they exist exactly when the change does;
 * every instance runs a worker, and graphile-worker's row locks (SKIP LOCKED) give
 * each job to one of them. Modules `define` their tasks and periodic work (`every`)
 * before `start`; the composition root starts it.
 */
export class JobQueue {
  private readonly tasks = new Map<string, JobHandler>();
  private readonly cron: CronItem[] = [];
  private runner: Runner | undefined;
  private pool: pg.Pool | undefined;

  constructor(
    private readonly clientUrl: string,
    private readonly logger: Logger,
    private readonly options: JobQueueOptions,
  ) {}

  /** Registers the handler of `task`. Throwing makes graphile-worker retry it with backoff. */
  define(task: string, handler: JobHandler): this {
    if (this.tasks.has(task)) throw new Error(`job task ${task} is defined twice`);
    this.tasks.set(task, handler);
    return this;
  }

  /**
   * Runs `task` on a cron pattern (minute granularity), on one instance per tick:
   * graphile-worker's known_crontabs table makes the tick a single job.
   */
  every(pattern: string, task: string, handler: JobHandler): this {
    this.define(task, handler);
    this.cron.push({ task, match: pattern, options: { backfillPeriod: 0, maxAttempts: 1, jobKey: `cron:${task}`, jobKeyMode: 'preserve_run_at' } });
    return this;
  }

  /** Enqueues `task` on `em`'s connection: inside its transaction when it has one. */
  add(em: EntityManager, task: string, payload: object, options?: EnqueueOptions): Promise<void> {
    return enqueue(em, task, payload, options);
  }

  depth(em: EntityManager): Promise<QueueDepth> {
    return queueDepth(em);
  }

  async start(): Promise<void> {
    if (!this.options.runWorker || this.runner) return;
    this.pool = new pg.Pool({ connectionString: this.clientUrl, max: this.options.concurrency + 2 });
    // A dropped idle connection must not crash the process; the worker reconnects.
    this.pool.on('error', (err) => this.logger.warn({ err }, 'job queue connection lost'));
    const taskList: Record<string, Task> = {};
    for (const [name, handler] of this.tasks) {
      taskList[name] = (payload, helpers) => handler(payload, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, jobId: String(helpers.job.id) });
    }
    this.runner = await run({
      pgPool: this.pool,
      concurrency: this.options.concurrency,
      pollInterval: this.options.pollIntervalMs,
      noHandleSignals: true,
      taskList,
      parsedCronItems: parseCronItems(this.cron),
      logger: workerLogger(this.logger),
    });
  }

  async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (runner) await runner.stop();
    await this.pool?.end();
    this.pool = undefined;
  }
}

/** Installs or upgrades graphile-worker's own schema (its versioned migrations); run under the start-up lock. */
export async function migrateJobQueue(clientUrl: string, logger?: Logger): Promise<void> {
  await runMigrations({ connectionString: clientUrl, ...(logger ? { logger: workerLogger(logger) } : {}) });
}

/** graphile-worker's log lines, routed to pino: its chatter at debug, failures at warn. */
function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger(() => (level, message, meta) => {
    const fields = { component: 'job-queue', ...(meta as object) };
    if (level === 'error' || level === 'warning') logger.warn(fields, message);
    else logger.debug(fields, message);
  });
}
