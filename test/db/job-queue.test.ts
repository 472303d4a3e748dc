import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm } from '../../src/app/orm-config';
import { JobQueue } from '../../src/db/job-queue';
import { createLogger } from '../../src/logger';
import { createTestDatabase } from '../helpers/database';

/** The queue every module's background work runs on: jobs exist exactly when the change that wrote them commits. */
describe('job queue (graphile-worker on the same PostgreSQL)', () => {
  let orm: MikroORM;
  let url: string;
  const ran: { task: string; payload: unknown; attempt: number }[] = [];
  let queue: JobQueue;

  beforeAll(async () => {
    url = await createTestDatabase();
    orm = await connectOrm({ clientUrl: url, poolMax: 3 });
    queue = new JobQueue(url, createLogger('silent'), { concurrency: 2, pollIntervalMs: 200, runWorker: true });
    queue.define('record', async (payload, job) => void ran.push({ task: 'record', payload, attempt: job.attempt }));
    let failures = 0;
    queue.define('flaky', async (payload, job) => {
      if (failures++ === 0) throw new Error('first attempt fails');
      ran.push({ task: 'flaky', payload, attempt: job.attempt });
    });
    await queue.start();
  });

  afterAll(async () => {
    await queue.stop();
    await orm.close();
  });

  const waitFor = async (done: () => boolean, ms = 10_000) => {
    const until = Date.now() + ms;
    while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  };

  it('runs a job enqueued in a committed transaction once, and never one whose transaction rolled back', async () => {
    await orm.em.fork().transactional(async (em) => queue.add(em, 'record', { n: 1 }));
    await orm.em
      .fork()
      .transactional(async (em) => {
        await queue.add(em, 'record', { n: 2 });
        throw new Error('the change fails');
      })
      .catch(() => undefined);
    await waitFor(() => ran.some((r) => r.task === 'record'));
    await new Promise((r) => setTimeout(r, 600)); // a wrongly kept second job would have run by now
    expect(ran.filter((r) => r.task === 'record')).toEqual([{ task: 'record', payload: { n: 1 }, attempt: 1 }]);
  });

  it('adds several jobs in one statement, each run once with its own payload and max attempts', async () => {
    const before = ran.length;
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    const knex = orm.em.getKnex();
    knex.on('query', listener);
    await orm.em.fork().transactional(async (em) => queue.addMany(em, 'record', [{ many: 1 }, { many: 2 }, { many: 3 }], { maxAttempts: 1 }));
    knex.off('query', listener);
    expect(statements.filter((sql) => sql.includes('add_jobs'))).toHaveLength(1);
    await waitFor(() => ran.length - before >= 3);
    await new Promise((r) => setTimeout(r, 400));
    expect(ran.slice(before).map((r) => r.payload).sort((a, b) => (a as { many: number }).many - (b as { many: number }).many)).toEqual([{ many: 1 }, { many: 2 }, { many: 3 }]);
  });

  it('retries a job whose handler threw, and reports the attempt', async () => {
    await orm.em.fork().transactional(async (em) => queue.add(em, 'flaky', { n: 3 }, { maxAttempts: 3 }));
    // graphile-worker's first backoff is about 2.7 s.
    await waitFor(() => ran.some((r) => r.task === 'flaky'), 15_000);
    expect(ran.find((r) => r.task === 'flaky')).toEqual({ task: 'flaky', payload: { n: 3 }, attempt: 2 });
  });

  it('counts due jobs and the age of the oldest for /metrics', async () => {
    const em = orm.em.fork();
    await queue.add(em, 'not-defined-here', { n: 4 }, { runAt: new Date(Date.now() - 60_000) });
    const depth = await queue.depth(em);
    expect(depth.jobs).toBeGreaterThanOrEqual(1);
    expect(depth.oldestDueSeconds).toBeGreaterThanOrEqual(59);
  });
});

describe('periodic tasks', () => {
  it('run once per due minute across two instances, and a tick while the database refuses is only logged', async () => {
    const url = await createTestDatabase();
    let runs = 0;
    const make = () => new JobQueue(url, createLogger('silent'), { concurrency: 1, pollIntervalMs: 200, runWorker: true }).every('* * * * *', 'count', async () => void runs++).every('7 * * * *', 'hourly', async () => void (runs += 100));
    const [a, b] = [make(), make()];
    await a.start();
    await b.start();
    try {
      const minute = new Date('2026-12-04T10:07:00Z');
      await Promise.all([a.tick(minute), b.tick(minute), a.tick(minute)]);
      await b.tick(new Date('2026-12-04T10:08:00Z'));
      const until = Date.now() + 10_000;
      while (runs < 102 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 500));
      // 10:07: "count" and "hourly" once each, whichever instance claimed them; 10:08: "count" only.
      expect(runs).toBe(102);
      const refusing = new JobQueue('postgres://nobody@127.0.0.1:1/none', createLogger('silent'), { concurrency: 1, pollIntervalMs: 200, runWorker: false });
      await expect(refusing.every('* * * * *', 'x', async () => {}).tick(minute)).resolves.toBeUndefined();
      await refusing.stop();
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

/**
 * A keyed add (search notices merge into one waiting job) while a worker takes that job:
 * graphile-worker's upsert then inserts nothing and updates nothing, silently. Reproduced
 * step by step: the "worker" locks the waiting job in an open transaction, the add blocks
 * on that row, and the worker commits while the add waits.
 */
describe('a keyed add racing a worker that takes the waiting job', () => {
  it('still enqueues its payload, as a fresh job', async () => {
    const url = await createTestDatabase();
    const orm = await connectOrm({ clientUrl: url, poolMax: 3 });
    const queue = new JobQueue(url, createLogger('silent'), { concurrency: 1, pollIntervalMs: 200, runWorker: false });
    const worker = new pg.Client({ connectionString: url });
    await worker.connect();
    try {
      await queue.add(orm.em.fork(), 'notice', ['first'], { jobKey: 'notices' });
      await worker.query('begin');
      await worker.query(`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'a-worker' where key = 'notices'`);
      const adding = queue.add(orm.em.fork(), 'notice', ['second'], { jobKey: 'notices' });
      // The add is past its "clear the key of a running job" step and waits on the job row.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await worker.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%add_job%'`);
        if (rows[0].n > 0) break;
        if (Date.now() > deadline) throw new Error('the add never waited on the locked job');
        await new Promise((r) => setTimeout(r, 20));
      }
      await worker.query('commit');
      await adding;
      const { rows } = await worker.query(`select payload, key, locked_at is not null as locked from graphile_worker._private_jobs order by id`);
      expect(rows).toEqual([
        { payload: ['first'], key: null, locked: true },
        { payload: ['second'], key: 'notices', locked: false },
      ]);
    } finally {
      await worker.end();
      await orm.close();
    }
  });
});
