import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, codeOf, minimalInput, type ApplyFixture } from './helpers';

/** The default limit: Lever's 2 applies per second, per postings key and per client IP. */
describe('applyToPosting rate limit', () => {
  let t: TestApp;
  let a: ApplyFixture;

  beforeAll(async () => {
    t = await startTestApp();
    a = await applyFixture(t);
  });
  afterAll(async () => t?.close());

  it('answers 429 RATE_LIMITED with Retry-After once a postings key exceeds the limit', async () => {
    // Ten at once cannot all fall inside a 2-per-second budget, however fast the machine.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => apply(t, a.key, a.plain, minimalInput(), { remoteAddress: `198.51.100.${i + 1}` })));
    const limited = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.data?.applyToPosting).length).toBeGreaterThan(0);
    for (const res of limited) {
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(res.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it('limits one client IP across postings keys', async () => {
    // Six career sites, each far under its own key's budget, all relaying the same client IP.
    const sites = await Promise.all(Array.from({ length: 6 }, () => applyFixture(t)));
    const ip = '192.0.2.77';
    const results = await Promise.all(sites.map((site) => apply(t, site.key, site.plain, minimalInput(), { remoteAddress: ip })));
    const limited = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    for (const res of limited) expect(res.errors![0]!.message).toMatch(/for this client/);
  });
});

/** RATE_LIMIT_STORE=postgres: the counts live in the rate_limits table, where every instance shares them. */
describe('applyToPosting rate limit with the postgres store', () => {
  let t: TestApp;
  let a: ApplyFixture;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_STORE: 'postgres' } });
    a = await applyFixture(t);
  });
  afterAll(async () => t?.close());

  it('limits through the rate_limits table', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => apply(t, a.key, a.plain, minimalInput(), { remoteAddress: `198.51.100.${i + 1}` })));
    const limited = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    for (const res of limited) {
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    const rows = await t.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from rate_limits where key like 'apply:key:%'`);
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
