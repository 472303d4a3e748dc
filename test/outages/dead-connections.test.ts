import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { startBreakableProxy, type BreakableProxy } from '../helpers/breakable-proxy';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, minimalInput, PUBLIC, type ApplyFixture } from '../applications/helpers';

/**
 * Pooled connections that died without a word (the proxy resets them on their next
 * write): the first requests afterwards must not fail on them. Their first
 * statement, a read, is run again on a fresh connection; the dead connection is
 * discarded by the pool.
 */
describe('dead pooled connections', () => {
  let proxy: BreakableProxy;
  let t: TestApp;
  let fx: ApplyFixture;
  beforeAll(async () => {
    const direct = new URL(await createTestDatabase());
    proxy = await startBreakableProxy(Number(direct.port), direct.hostname);
    direct.port = String(proxy.port);
    t = await startTestApp({ databaseUrl: direct.toString(), env: { JOBGATE_APPLY_RATE_PER_SECOND: '100000' } });
    fx = await applyFixture(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
  });

  const read = () =>
    t.gql<{ postings: { totalCount: number } }>(`query($q: String) { postings(first: 5, filter: { search: $q }) { totalCount } }`, { q: `x${randomUUID().slice(0, 8)}` }, { token: fx.key, path: PUBLIC });

  it('the first reads after every pooled connection died succeed, and applies after them', { timeout: 60_000 }, async () => {
    // Fill the pool (5 connections) with concurrent reads, then kill every connection it holds.
    await Promise.all(Array.from({ length: 10 }, read));
    proxy.breakConnections();

    const reads = await Promise.all(Array.from({ length: 8 }, read));
    expect(reads.map((r) => [r.status, r.errors?.[0]?.extensions?.code ?? null])).toEqual(reads.map(() => [200, null]));
    expect(proxy.broken()).toBeGreaterThan(0);

    const applied = await Promise.all(Array.from({ length: 3 }, () => apply(t, fx.key, fx.plain, minimalInput())));
    expect(applied.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const r of applied) expect(r.data?.applyToPosting.applicationId).toBeTruthy();
  });
});
