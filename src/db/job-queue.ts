import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { claimTick, enqueue, enqueueMany, queueDepth, type EnqueueOptions, type QueueDepth } from './job-queue.repository';

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
  /** Periodic tasks: `minute` null runs every minute, a number at that minute of each hour. */
  private readonly periodic: { task: string; minute: number | null }[] = [];
  private tickTimer: NodeJS.Timeout | undefined;
  private runner: Runner | undefined;
  private pool: pg.Pool | undefined;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;

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
   * Runs `task` every minute (`* * * * *`) or at one minute of each hour (`M * * * *`),
   * as one job per tick across every instance (claimTick). Not graphile-worker's own
   * cron: in 0.16 a database outage during its tick rejects a promise nobody handles,
   * which ends the process; here a failed tick is logged and the next one tries again.
   */
  every(pattern: string, task: string, handler: JobHandler): this {
    const match = /^(\*|[0-5]?\d) \* \* \* \*$/.exec(pattern);
    if (!match) throw new Error(`job task ${task}: only "* * * * *" and "M * * * *" are supported, not "${pattern}"`);
    this.define(task, handler);
    this.periodic.push({ task, minute: match[1] === '*' ? null : Number(match[1]) });
    return this;
  }

  /** Enqueues `task` on `em`'s connection: inside its transaction when it has one. */
  add(em: EntityManager, task: string, payload: object, options?: EnqueueOptions): Promise<void> {
    return enqueue(em, task, payload, options);
  }

  /** Enqueues one unkeyed job of `task` per payload, in one statement. */
  addMany(em: EntityManager, task: string, payloads: readonly object[], options: { maxAttempts?: number } = {}): Promise<void> {
    return enqueueMany(em, task, payloads, options.maxAttempts ?? null);
  }

  depth(em: EntityManager): Promise<QueueDepth> {
    return queueDepth(em);
  }

  async start(): Promise<void> {
    if (!this.options.runWorker || this.runner) return;
    this.stopped = false;
    const taskList: Record<string, Task> = {};
    for (const [name, handler] of this.tasks) {
      taskList[name] = (payload, helpers) => handler(payload, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, jobId: String(helpers.job.id) });
    }
    this.runner = await run({
      pgPool: this.poolOf(),
      concurrency: this.options.concurrency,
      pollInterval: this.options.pollIntervalMs,
      noHandleSignals: true,
      taskList,
      logger: workerLogger(this.logger),
    });
    this.scheduleNextTick();
    // Should the runner fail for good, its promise rejects: handled here (an unhandled rejection
    // would end the process), and the worker starts again, as the rest of the service recovers.
    const runner = this.runner;
    runner.promise.catch((err: unknown) => {
      if (this.runner !== runner || this.stopped) return;
      this.logger.warn({ err }, 'job queue worker stopped; starting it again in 5 s');
      this.runner = undefined;
      this.restartLater();
    });
  }

  private poolOf(): pg.Pool {
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.clientUrl, max: this.options.concurrency + 2 });
      // A dropped idle connection must not crash the process; the worker reconnects.
      this.pool.on('error', (err) => this.logger.warn({ err }, 'job queue connection lost'));
    }
    return this.pool;
  }

  /** At each minute boundary, the periodic tasks due then are claimed for that minute. */
  private scheduleNextTick(): void {
    if (this.tickTimer || !this.periodic.length) return;
    const delay = 60_000 - (Date.now() % 60_000) + 5;
    this.tickTimer = setTimeout(() => {
      this.tickTimer = undefined;
      if (this.stopped) return;
      void this.tick(new Date(Math.floor(Date.now() / 60_000) * 60_000)).finally(() => {
        if (!this.stopped) this.scheduleNextTick();
      });
    }, delay);
    this.tickTimer.unref();
  }

  /** Claims the tasks due at minute `at` (public so tests need not wait for a minute boundary). */
  async tick(at: Date): Promise<void> {
    for (const { task, minute } of this.periodic) {
      if (minute !== null && at.getUTCMinutes() !== minute) continue;
      await claimTick(this.poolOf(), task, at).catch((err: unknown) => this.logger.warn({ err, task }, 'periodic job not scheduled this minute'));
    }
  }

  private restartLater(): void {
    this.restartTimer = setTimeout(() => {
      if (this.stopped) return;
      this.start().catch((err: unknown) => {
        this.logger.warn({ err }, 'job queue worker could not start; trying again in 5 s');
        this.runner = undefined;
        this.restartLater();
      });
    }, 5000);
    this.restartTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    const runner = this.runner;
    this.runner = undefined;
    if (runner) await runner.stop().catch((err: unknown) => this.logger.warn({ err }, 'job queue worker did not stop cleanly'));
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
