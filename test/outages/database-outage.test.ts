import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoppablePostgres, type StoppablePostgres } from '../helpers/stoppable-postgres';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { until } from './until';
import { APPLY, applyFixture, minimalInput, PUBLIC, type ApplyFixture } from '../applications/helpers';

interface Answer {
  status: number;
  retryAfter: unknown;
  code: unknown;
  hasData: boolean;
}

/**
 * PostgreSQL stopped under load and started again on the same port (its own
 * embedded server, not the shared one): every answer meanwhile is a 503 with
 * Retry-After and SERVICE_UNAVAILABLE, never INTERNAL_SERVER_ERROR or a 200 with
 * errors; nothing acknowledged is lost; the instance recovers without a restart.
 */
describe('a database outage', () => {
  let pg: StoppablePostgres;
  let t: TestApp;
  let fx: ApplyFixture;
  beforeAll(async () => {
    pg = await startStoppablePostgres();
    t = await startTestApp({ databaseUrl: pg.databaseUrl, env: { JOBGATE_APPLY_RATE_PER_SECOND: '100000' } });
    fx = await applyFixture(t);
  }, 180_000);
  afterAll(async () => {
    await pg?.start().catch(() => undefined); // close() needs the database to end its connections cleanly
    await t?.close();
    await pg?.close();
  }, 60_000);

  async function applyOnce(email: string): Promise<Answer & { applicationId?: string }> {
    const res = await t.gql<{ applyToPosting: { applicationId: string } | null }>(APPLY, { postingId: fx.plain, input: minimalInput({ email }) }, {
      token: fx.key,
      path: PUBLIC,
      headers: { 'idempotency-key': email },
    });
    return {
      status: res.status,
      retryAfter: res.headers['retry-after'],
      code: res.errors?.[0]?.extensions?.code,
      hasData: !!res.data?.applyToPosting,
      applicationId: res.data?.applyToPosting?.applicationId,
    };
  }

  async function readOnce(): Promise<Answer> {
    // A fresh variable value each time: a cache miss, so the read reaches the database.
    const res = await t.gql<{ postings: { totalCount: number } | null }>(
      `query($q: String) { postings(first: 5, filter: { search: $q }) { totalCount } }`,
      { q: `x${randomUUID().slice(0, 8)}` },
      { token: fx.key, path: PUBLIC },
    );
    return { status: res.status, retryAfter: res.headers['retry-after'], code: res.errors?.[0]?.extensions?.code, hasData: !!res.data?.postings };
  }

  it('8 clients applying and reading: 503 + Retry-After while it is down, nothing acknowledged lost, the first requests after it is back succeed', { timeout: 180_000 }, async () => {
    const answers: Answer[] = [];
    const acknowledged = new Map<string, string>(); // email → application id
    let running = true;
    const applier = async () => {
      while (running) {
        const email = `ada-${randomUUID().slice(0, 12)}@example.com`;
        const answer = await applyOnce(email);
        answers.push(answer);
        if (answer.applicationId) acknowledged.set(email, answer.applicationId);
      }
    };
    const reader = async () => {
      while (running) answers.push(await readOnce());
    };
    const clients = [...Array.from({ length: 4 }, applier), ...Array.from({ length: 4 }, reader)];
    const unavailable = () => answers.filter((a) => a.status === 503).length;
    try {
      await until(() => acknowledged.size >= 4, 60_000, 'applies before the outage');
      await pg.stop();
      const stoppedAt = answers.length;
      await until(() => unavailable() >= 40, 60_000, '503s during the outage');
      await pg.start();
      const outageAnswers = answers.slice(stoppedAt);
      expect(outageAnswers.filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(40);
    } finally {
      running = false;
      await Promise.all(clients);
    }

    // The first requests once it is back: dead pooled connections are discarded or their read retried, never a failure.
    const first = await Promise.all([
      ...Array.from({ length: 4 }, () => applyOnce(`grace-${randomUUID().slice(0, 12)}@example.com`)),
      ...Array.from({ length: 4 }, () => readOnce()),
    ]);
    expect(first.map((a) => [a.status, a.code ?? null])).toEqual(first.map(() => [200, null]));
    for (const a of first.slice(0, 4)) expect(a.hasData).toBe(true);

    for (const a of answers) {
      expect([200, 503]).toContain(a.status);
      if (a.status === 503) {
        expect(a.code).toBe('SERVICE_UNAVAILABLE');
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      } else {
        expect(a.code).toBeUndefined(); // never a 200 carrying an error
        expect(a.hasData).toBe(true);
      }
    }
    expect(answers.some((a) => a.code === 'INTERNAL_SERVER_ERROR')).toBe(false);

    const ids = [...acknowledged.values()];
    const rows = await t.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from applications where id in (${ids.map(() => '?').join(', ')})`, ids);
    expect(Number(rows[0]!.n)).toBe(ids.length);

    // Outages are logged by kind and code; no candidate's e-mail reaches the log.
    expect(t.logs.some((line) => line.msg === 'backing service unavailable in GraphQL operation')).toBe(true);
    expect(t.rawLogs.join('')).not.toMatch(/@example\.com/);
  });

  it('every surface answers 503 + Retry-After in its own shape while it is down: admin and public GraphQL, hosted page, Lever, Greenhouse, feed', { timeout: 120_000 }, async () => {
    await pg.stop();
    try {
      const admin = await t.gql(`query { postings(first: 3) { totalCount } }`, undefined, { token: fx.admin });
      expect(admin.status).toBe(503);
      expect(admin.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(admin.headers['retry-after'])).toBeGreaterThan(0);

      const applied = await applyOnce(`outage-${randomUUID().slice(0, 8)}@example.com`);
      expect([applied.status, applied.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(Number(applied.retryAfter)).toBeGreaterThan(0);

      // Fresh query strings: cache misses, so each reaches the database.
      const nonce = randomUUID().slice(0, 8);
      const page = await t.app.inject({ method: 'GET', url: `/jobs/${fx.org.slug}?team=${nonce}` });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
      expect(page.body).toContain('Temporarily unavailable');
      expect(page.body).not.toMatch(/ECONNREFUSED|knex|select /i);

      const lever = await t.app.inject({ method: 'GET', url: `/v0/postings/${fx.org.slug}?mode=json&team=${nonce}` });
      expect(lever.statusCode).toBe(503);
      expect(Number(lever.headers['retry-after'])).toBeGreaterThan(0);
      expect(lever.json()).toMatchObject({ ok: false });

      const greenhouse = await t.app.inject({ method: 'GET', url: `/v1/boards/${fx.org.slug}/jobs?x=${nonce}` });
      expect(greenhouse.statusCode).toBe(503);
      expect(Number(greenhouse.headers['retry-after'])).toBeGreaterThan(0);
      expect(greenhouse.json()).toMatchObject({ status: 503 });

      const feed = await t.app.inject({ method: 'GET', url: `/feeds/${fx.org.slug}.xml?x=${nonce}` });
      expect(feed.statusCode).toBe(503);
      expect(Number(feed.headers['retry-after'])).toBeGreaterThan(0);
      expect(feed.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    } finally {
      await pg.start();
    }
    const back = await t.app.inject({ method: 'GET', url: `/v1/boards/${fx.org.slug}/jobs?x=${randomUUID()}` });
    expect(back.statusCode).toBe(200);
  });
});
