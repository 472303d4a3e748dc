import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';

const ME = '{ me { email } }';

describe('housekeeping: expired sessions and audit retention', () => {
  let t: TestApp;
  let org: SeededOrg;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_AUDIT_RETENTION_DAYS: '30' } });
    org = await createOrg(t);
  });
  afterAll(async () => t?.close());

  const sql = <T extends object[] = Record<string, unknown>[]>(query: string, params: unknown[] = []) => t.orm.em.getConnection().execute<T>(query, params);

  it('deletes expired sessions and keeps live ones', async () => {
    const live = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const dead = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const [{ count: before }] = await sql<{ count: string }[]>('select count(*) from sessions where organization_id = ?', [org.organizationId]);
    // Expire one session, as 12 idle hours would.
    await sql(`update sessions set expires_at = now() - interval '1 minute' where id = (select id from sessions where organization_id = ? order by created_at desc limit 1)`, [
      org.organizationId,
    ]);
    expect((await t.gql(ME, {}, { token: dead })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const report = await t.services.housekeeping.runOnce();
    expect(report.expiredSessions).toBe(1);
    const [{ count: after }] = await sql<{ count: string }[]>('select count(*) from sessions where organization_id = ?', [org.organizationId]);
    expect(Number(after)).toBe(Number(before) - 1);
    expect((await t.gql(ME, {}, { token: live })).data).toEqual({ me: { email: org.adminEmail } });
  });

  it('deletes audit events older than JOBGATE_AUDIT_RETENTION_DAYS in batches, and keeps newer ones', async () => {
    // 12 000 old events: more than two delete batches.
    await sql(
      `insert into audit_events (id, organization_id, at, actor_type, actor_name, action)
       select gen_random_uuid(), ?, now() - interval '31 days' - make_interval(secs => g), 'SYSTEM', 'system', 'test.old' from generate_series(1, 12000) g`,
      [org.organizationId],
    );
    await sql(
      `insert into audit_events (id, organization_id, at, actor_type, actor_name, action)
       select gen_random_uuid(), ?, now() - interval '29 days', 'SYSTEM', 'system', 'test.recent' from generate_series(1, 5) g`,
      [org.organizationId],
    );
    const report = await t.services.housekeeping.runOnce();
    expect(report.auditEvents).toBe(12000);
    const rows = await sql<{ action: string; count: string }[]>(
      `select action, count(*) from audit_events where organization_id = ? and action like 'test.%' group by action`,
      [org.organizationId],
    );
    expect(rows).toEqual([{ action: 'test.recent', count: '5' }]);
  });

  it('keeps every audit event when retention is 0', async () => {
    const keepAll = await startTestApp({ databaseUrl: t.databaseUrl, env: { JOBGATE_AUDIT_RETENTION_DAYS: '0' } });
    try {
      await sql(`insert into audit_events (id, organization_id, at, actor_type, actor_name, action) values (gen_random_uuid(), ?, now() - interval '3000 days', 'SYSTEM', 'system', 'test.ancient')`, [
        org.organizationId,
      ]);
      expect((await keepAll.services.housekeeping.runOnce()).auditEvents).toBe(0);
      const [{ count }] = await sql<{ count: string }[]>(`select count(*) from audit_events where action = 'test.ancient'`);
      expect(count).toBe('1');
    } finally {
      await keepAll.close();
    }
  });

  it('defaults to 365 days of audit retention', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(365);
    expect(() => loadConfig({ JOBGATE_AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/JOBGATE_AUDIT_RETENTION_DAYS/);
  });
});
