import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFIER_APPLICATION_NAME } from '../../src/db/pg-notifier';
import { createOrg, startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, PUBLIC, publicToken } from '../postings/helpers';
import { login } from '../helpers/test-app';
import { nextInvalidation } from '../helpers/cache-signals';

/** The LISTEN connection (pg-listen) survives its backend being killed, and the cache is reset meanwhile. */
describe('notification connection', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('reconnects after its backend is terminated, drops cached responses, and hears the other instance again', async () => {
    const org = await createOrg(a);
    const admin = await login(a, org.slug, org.adminEmail, org.adminPassword);
    const key = await publicToken(a, org);
    const list = (t: TestApp) => t.gql<{ postings: { totalCount: number } }>('{ postings(first: 5) { totalCount } }', {}, { token: key, path: PUBLIC });
    await list(b);
    expect((await list(b)).headers['x-cache']).toBe('HIT');

    // Kill every LISTEN connection of this database (both instances'), as a failover or a restart would.
    const killed = await a.orm.em
      .getConnection()
      .execute<{ pid: number }[]>('select pg_terminate_backend(pid) as pid from pg_stat_activity where application_name = ? and datname = current_database()', [
        NOTIFIER_APPLICATION_NAME,
      ]);
    expect(killed.length).toBe(2);

    // B reconnects and, having possibly missed notifications, empties its cache.
    await expect.poll(async () => (await list(b)).headers['x-cache'], { timeout: 15_000, interval: 200 }).toBe('MISS');
    await expect
      .poll(
        async () => (await a.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from pg_stat_activity where application_name = ? and datname = current_database()', [NOTIFIER_APPLICATION_NAME]))[0].n,
        { timeout: 15_000, interval: 200 },
      )
      .toBe('2');

    // A write on A reaches B through the new connection.
    const heard = nextInvalidation(b.services.publicCache, org.organizationId);
    await createPosting(a, admin, { title: 'After Reconnect' });
    await heard;
    expect((await list(b)).data!.postings.totalCount).toBe(1);
  }, 40_000);
});
