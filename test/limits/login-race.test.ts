import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, LOGIN, startTestApp, type TestApp } from '../helpers/test-app';

/** Reads the password-check counter through the real /metrics endpoint. */
async function passwordChecks(t: TestApp): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/metrics' });
  const line = res.body.split('\n').find((l) => l.startsWith('jobgate_password_checks_total '));
  return Number(line?.split(' ')[1] ?? NaN);
}

describe('login throttle under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('30 concurrent attempts on one account check at most 10 passwords, and the right one among them does not get past the limit', async () => {
    const org = await createOrg(t);
    const before = await passwordChecks(t);
    // The right password is the 16th and the 25th guess, as in the attack.
    const passwords = Array.from({ length: 30 }, (_, i) => (i === 15 || i === 24 ? org.adminPassword : `wrong guess ${i}`));
    const results = await Promise.all(passwords.map((password) => t.gql(LOGIN, { slug: org.slug, email: org.adminEmail, password })));
    const checks = (await passwordChecks(t)) - before;
    console.info(`login race: ${checks} password checks for 30 concurrent attempts`);
    expect(checks).toBeLessThanOrEqual(10);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
    for (const code of codes) expect(['UNAUTHENTICATED', 'RATE_LIMITED', 'OK']).toContain(code);
    // The right password only logs in when it got one of the 10 reserved attempts.
    const logins = codes.filter((c) => c === 'OK').length;
    expect(logins + codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(checks);
  });

  it('once 10 wrong guesses are spent, the right password sent with 20 more is refused every time', async () => {
    const org = await createOrg(t);
    for (let i = 0; i < 10; i += 1) await t.gql(LOGIN, { slug: org.slug, email: org.adminEmail, password: `wrong ${i}` });
    const before = await passwordChecks(t);
    const passwords = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? org.adminPassword : `wrong again ${i}`));
    const results = await Promise.all(passwords.map((password) => t.gql(LOGIN, { slug: org.slug, email: org.adminEmail, password })));
    expect((await passwordChecks(t)) - before).toBe(0);
    for (const r of results) {
      expect(r.status).toBe(429);
      expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
  });
});
