import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';

/** What a caller may say about a job it enqueues. */
export interface EnqueueOptions {
  /** Not before this time (defaults to now). */
  runAt?: Date;
  /** A second job with the same key replaces the first while it waits (graphile-worker's job_key). */
  jobKey?: string;
  /** Attempts before the job is given up (graphile-worker's default is 25). */
  maxAttempts?: number;
  /** Jobs of one queue name run one at a time, in order. */
  queueName?: string;
}

export interface QueueDepth {
  /** Jobs waiting or running, across every task. */
  jobs: number;
  /** Age in seconds of the oldest job that is due and not yet done; 0 when none. */
  oldestDueSeconds: number;
}

/**
 * The SQL of the job queue (graphile-worker's `graphile_worker` schema).
 * `enqueue` runs on the caller's EntityManager, so a job is written in the same
 * transaction as the change it describes: a transactional outbox with no table of
 * our own. If the change rolls back, so does the job.
 *
 * A keyed add can come back empty: graphile-worker's `add_jobs` first clears the key
 * of a job that is already running, then upserts `on conflict (key) do update ... where
 * locked_at is null`. When a worker locks the waiting job between those two statements,
 * the upsert's condition fails on the re-checked row and PostgreSQL inserts nothing and
 * updates nothing, without an error: the payload (a posting's search notice) would be
 * lost. So the add is repeated; the second one sees the job running, clears its key and
 * inserts a fresh one.
 */
export async function enqueue(em: EntityManager, task: string, payload: object, options: EnqueueOptions = {}): Promise<void> {
  const params = [task, JSON.stringify(payload), options.queueName ?? null, options.runAt?.toISOString() ?? null, options.maxAttempts ?? null, options.jobKey ?? null];
  for (let attempt = 1; ; attempt++) {
    const [row] = await em.execute<{ id: string | null }[]>(
      `select (graphile_worker.add_job(identifier => ?, payload => ?::json, queue_name => ?, run_at => ?::timestamptz, max_attempts => ?::int, job_key => ?)).id::text as id`,
      params,
    );
    if (row?.id != null) return;
    // Only a keyed add can lose that race, and each repeat finds the job locked: a third failure is not that race.
    if (!options.jobKey || attempt === 3) throw new Error(`job queue: ${task} was not enqueued`);
  }
}

/**
 * Several unkeyed jobs of one task in one statement (graphile-worker's `add_jobs`), on
 * the caller's connection and transaction like `enqueue`. Unkeyed adds cannot lose the
 * race described above.
 */
export async function enqueueMany(em: EntityManager, task: string, payloads: readonly object[], maxAttempts: number | null = null): Promise<void> {
  if (payloads.length === 0) return;
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from graphile_worker.add_jobs(array(
       select (?::text, p::json, null, null, ?::int, null, null, null)::graphile_worker.job_spec from jsonb_array_elements(?::jsonb) p
     ))`,
    [task, maxAttempts, JSON.stringify(payloads)],
  );
  if (row?.n !== payloads.length) throw new Error(`job queue: ${payloads.length - (row?.n ?? 0)} of ${payloads.length} ${task} jobs were not enqueued`);
}

/** Queue depth and the age of the oldest due job, for /metrics (jobs that gave up are not counted). */
export async function queueDepth(em: EntityManager): Promise<QueueDepth> {
  const [row] = await em.execute<{ jobs: string; oldest: string | null }[]>(
    `select count(*)::text as jobs,
            extract(epoch from (now() - min(run_at) filter (where run_at <= now())))::text as oldest
       from graphile_worker.jobs
      where attempts < max_attempts`,
  );
  return { jobs: Number(row?.jobs ?? 0), oldestDueSeconds: Math.max(0, Math.round(Number(row?.oldest ?? 0))) };
}

/**
 * Adds the job of one periodic task for one minute, once across every instance: the
 * first instance to insert the (task, tick) row adds the job in the same statement;
 * the others insert nothing and so add nothing. Ticks older than a day are pruned.
 */
export async function claimTick(pool: pg.Pool, task: string, tick: Date): Promise<boolean> {
  const { rowCount } = await pool.query(
    `with pruned as (delete from job_queue_ticks where task = $1 and tick < $2::timestamptz - interval '1 day'),
          claimed as (insert into job_queue_ticks (task, tick) values ($1, $2) on conflict do nothing returning task)
     select graphile_worker.add_job(identifier => task, payload => '{}'::json, max_attempts => 1) from claimed`,
    [task, tick.toISOString()],
  );
  return (rowCount ?? 0) > 0;
}
