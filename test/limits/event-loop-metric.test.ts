import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('exposes the event-loop lag (p50, p99, max) and the password-check counter', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the delay monitor take samples
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    for (const name of ['jobgate_nodejs_eventloop_lag_p50_seconds', 'jobgate_nodejs_eventloop_lag_p99_seconds', 'jobgate_nodejs_eventloop_lag_max_seconds']) {
      const line = res.body.split('\n').find((l) => l.startsWith(`${name} `));
      expect(line, name).toBeDefined();
      expect(Number(line!.split(' ')[1])).toBeGreaterThanOrEqual(0);
    }
    expect(res.body).toMatch(/^jobgate_password_checks_total \d+$/m);
  });
});
