import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDueSignal, WebhookPump } from '../../src/modules/webhooks';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf } from '../credentials/helpers';
import { createPosting } from '../postings/helpers';
import { Receiver, verifyBoth } from './receiver';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;

let t: TestApp;
let receiver: Receiver;
let token: string;
let orgId: string;
let secret: string;

beforeAll(async () => {
  // No worker and no pump: this file runs the pumps and the batches itself, step by step.
  t = await startTestApp({ env: { JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', JOBGATE_WORKER: 'false' } });
  receiver = await new Receiver().start();
  const admin = await adminOf(t);
  token = admin.token;
  orgId = admin.org.organizationId;
  const res = await t.gql<{ createWebhookEndpoint: { secret: string } }>(CREATE, { input: { url: receiver.url, eventTypes: ['posting.published'] } }, { token });
  secret = res.data!.createWebhookEndpoint.secret;
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

const rows = <T>(sql: string, params: unknown[] = []) => t.orm.em.fork().execute<T[]>(sql, params);
const deliverJobs = () =>
  rows<{ payload: { batch: string } }>(
    `select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'webhook-deliver' order by j.id`,
  );
const pump = (batchSize = 50) => new WebhookPump(t.orm, t.services.jobs, new WebhookDueSignal(t.services.notifier, t.services.logger), t.services.logger, { batchSize, perRound: 500, gapMs: 0 });

describe('webhook messages reach the job queue in batches', () => {
  it('a change writes its messages in its own transaction, with no job and no NOTIFY there', async () => {
    t.statements.length = 0;
    await createPosting(t, token, { state: 'PUBLISHED' });
    const sql = t.statements.join('\n');
    const inTransaction = sql.slice(sql.indexOf('BEGIN'), sql.indexOf('COMMIT'));
    expect(inTransaction).toContain('insert into webhook_messages');
    expect(inTransaction).not.toContain('notify');
    expect(sql).not.toContain('add_job');
    expect(await deliverJobs()).toEqual([]);
    expect(await rows(`select status, batch from webhook_messages`)).toEqual([{ status: 'PENDING', batch: null }]);
  });

  it('the pumps are woken once the change has committed: after the outermost commit, and never for a rollback', async () => {
    let signals = 0;
    await new WebhookDueSignal(t.services.notifier, t.services.logger).listen(() => signals++, () => undefined);
    const event = { organizationId: orgId, type: 'posting.published' as const, data: { id: 'signal-test' } };
    const settle = () => new Promise((r) => setTimeout(r, 300));
    await expect(
      t.orm.em.fork().transactional(async (em) => {
        await t.services.webhooks.enqueueFor(em, event);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle();
    expect(signals).toBe(0);
    let beforeOuterCommit = -1;
    await t.orm.em.fork().transactional(async (outer) => {
      await outer.transactional(async (inner) => t.services.webhooks.enqueueFor(inner, event));
      await settle();
      beforeOuterCommit = signals;
    });
    await settle();
    expect(beforeOuterCommit).toBe(0);
    expect(signals).toBe(1);
    await rows(`delete from webhook_messages where body like '%signal-test%'`);
  });

  it('two pumps at once put every due message in exactly one batch, one job per batch of at most batchSize', async () => {
    for (let i = 0; i < 60; i++) await createPosting(t, token, { state: 'PUBLISHED' });
    const [a, b] = [pump(20), pump(20)];
    const batches = await Promise.all([a.pumpOnce(), b.pumpOnce()]);
    const jobs = await deliverJobs();
    expect(batches[0] + batches[1]).toBe(jobs.length);
    const sizes = await rows<{ batch: string; n: number }>(`select batch::text, count(*)::int as n from webhook_messages group by batch`);
    expect(sizes.every((s) => s.batch !== null && s.n <= 20)).toBe(true);
    expect(sizes.reduce((sum, s) => sum + s.n, 0)).toBe(61);
    expect(new Set(jobs.map((j) => j.payload.batch))).toEqual(new Set(sizes.map((s) => s.batch)));
    // Nothing left to batch: a third pump adds nothing.
    expect(await pump().pumpOnce()).toBe(0);
  });

  it('a batch is delivered by its own job: every message once, signed, recorded in one statement', async () => {
    const jobs = await deliverJobs();
    const before = receiver.received.length;
    t.statements.length = 0;
    const outcomes = (await Promise.all(jobs.map((j) => t.services.webhookDelivery.deliverBatch(j.payload.batch)))).flat();
    expect(outcomes).toHaveLength(61);
    expect(outcomes.every((o) => o === 'delivered')).toBe(true);
    const arrived = receiver.received.slice(before);
    expect(new Set(arrived.map((d) => d.headers['webhook-id'])).size).toBe(61);
    for (const delivery of arrived) expect(verifyBoth(secret, delivery).type).toBe('posting.published');
    expect(t.statements.filter((s) => s.includes('insert into webhook_attempts'))).toHaveLength(jobs.length);
    expect(await rows(`select status, count(*)::int as n, count(batch)::int as batched from webhook_messages group by status`)).toEqual([{ status: 'DELIVERED', n: 61, batched: 0 }]);
    // A batch's job that runs twice (or late) finds nothing to send.
    expect(await t.services.webhookDelivery.deliverBatch(jobs[0]!.payload.batch)).toEqual([]);
    expect(receiver.received.length - before).toBe(61);
  });

  it('a batch whose job was lost is batched again under a new token; the old job, should it run after all, sends nothing', async () => {
    await rows(`delete from graphile_worker._private_jobs`);
    await createPosting(t, token, { state: 'PUBLISHED' });
    await pump().pumpOnce();
    const [lost] = await deliverJobs();
    // Not claimed for longer than the grace: the recovery task releases it.
    await rows(`update webhook_messages set queued_at = now() - interval '10 minutes' where batch = ?`, [lost!.payload.batch]);
    expect(await t.services.webhookDelivery.recoverStranded()).toBe(1);
    expect(await pump().pumpOnce()).toBe(1);
    const [, fresh] = await deliverJobs();
    expect(fresh!.payload.batch).not.toBe(lost!.payload.batch);
    expect(await t.services.webhookDelivery.deliverBatch(lost!.payload.batch)).toEqual([]);
    expect(await t.services.webhookDelivery.deliverBatch(fresh!.payload.batch)).toEqual(['delivered']);
  });

  it('a message whose instance died mid-flight (lease run out) is due again with the same id', async () => {
    await rows(`delete from graphile_worker._private_jobs`);
    await createPosting(t, token, { state: 'PUBLISHED' });
    await pump().pumpOnce();
    const [job] = await deliverJobs();
    const [message] = await rows<{ id: string }>(`select id from webhook_messages where batch = ?`, [job!.payload.batch]);
    // As if claimed by an instance that was killed before it recorded the attempt.
    await rows(`update webhook_messages set status = 'DELIVERING', batch = null, queued_at = null, lease_until = now() - interval '1 second', attempt_count = 1 where id = ?`, [message!.id]);
    expect(await t.services.webhookDelivery.recoverStranded()).toBe(1);
    await pump().pumpOnce();
    const [, again] = await deliverJobs();
    const before = receiver.received.length;
    expect(await t.services.webhookDelivery.deliverBatch(again!.payload.batch)).toEqual(['delivered']);
    expect(receiver.received[before]!.headers['webhook-id']).toBe(message!.id);
    expect(await rows(`select status, attempt_count from webhook_messages where id = ?`, [message!.id])).toEqual([{ status: 'DELIVERED', attempt_count: 2 }]);
  });

  it('a retry comes due by time alone: the pump batches it only once next_attempt_at has passed', async () => {
    await rows(`delete from graphile_worker._private_jobs`);
    await createPosting(t, token, { state: 'PUBLISHED' });
    await rows(`update webhook_messages set next_attempt_at = now() + interval '1 hour' where status = 'PENDING'`);
    expect(await pump().pumpOnce()).toBe(0);
    await rows(`update webhook_messages set next_attempt_at = now() - interval '1 second' where status = 'PENDING'`);
    expect(await pump().pumpOnce()).toBe(1);
  });

  it('sleeps until the next retry is due: no statement while idle, and the retry batched at its time without a signal', async () => {
    await rows(`delete from graphile_worker._private_jobs`);
    await rows(`delete from webhook_messages`);
    const started = pump();
    await started.start();
    try {
      await new Promise((r) => setTimeout(r, 300));
      t.statements.length = 0;
      await new Promise((r) => setTimeout(r, 1500));
      expect(t.statements).toEqual([]);
      // A retry written as another instance would: nobody signals; the next round learns its time only by looking.
      await rows(
        `insert into webhook_messages (id, endpoint_id, organization_id, event_type, body, next_attempt_at)
         select 'msg_retry_due_soon', id, organization_id, 'posting.published', '{}', now() + interval '1 second' from webhook_endpoints limit 1`,
      );
      started.wake();
      await new Promise((r) => setTimeout(r, 300));
      expect(await deliverJobs()).toEqual([]);
      const until = Date.now() + 5000;
      while ((await deliverJobs()).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await deliverJobs()).toHaveLength(1);
    } finally {
      await started.stop();
    }
  });
});
