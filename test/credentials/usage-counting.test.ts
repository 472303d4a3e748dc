import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, codeOf, createKey } from './helpers';

/**
 * Per-operation usage through real HTTP on two instances sharing one database. Flushes
 * are driven by the test (the interval is an hour), so the counts must be exact.
 */
describe('per-key, per-operation usage on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  const hour = { JOBGATE_USAGE_FLUSH_INTERVAL_MS: String(60 * 60 * 1000), JOBGATE_CREDENTIAL_CACHE_TTL_MS: String(60 * 60 * 1000) };
  beforeAll(async () => {
    a = await startTestApp({ env: hour });
    b = await startTestApp({ databaseUrl: a.databaseUrl, env: hour });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const USAGE = `query($id: ID!) { apiCredentialUsage(id: $id) {
    grantedCount usedCount
    operations { operation granted allowedCount refusedCount missingPermission firstAllowedAt lastAllowedAt lastRefusedAt daily { day allowed refused } }
  } }`;
  interface Op { operation: string; granted: boolean; allowedCount: number; refusedCount: number; missingPermission: string | null; lastAllowedAt: string | null; lastRefusedAt: string | null; daily: { day: string; allowed: number; refused: number }[] }
  const call = async (t: TestApp, secret: string, query: string, times: number) => {
    for (let i = 0; i < times; i++) await t.gql(query, {}, { token: secret });
  };

  it('adds up allowed and refused calls from both instances exactly after a flush', async () => {
    const { token } = await adminOf(a);
    const one = await createKey(a, token, { name: 'one', operations: ['organization.read', 'postings.list', 'auditEvents.list'] });
    const two = await createKey(a, token, { name: 'two', operations: ['users.list'] });
    await call(a, one.secret, '{ organization { id } }', 3);
    await call(b, one.secret, '{ organization { id } }', 2);
    await call(a, one.secret, '{ postings { totalCount } }', 1);
    const refused = await b.gql('{ users { totalCount } }', {}, { token: one.secret });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    await call(b, one.secret, '{ users { totalCount } }', 1);
    await call(a, two.secret, '{ users { totalCount } }', 4);
    await call(b, two.secret, '{ users { totalCount } }', 1);
    // One request with two catalog operations counts each once.
    await call(a, one.secret, '{ organization { id } postings { totalCount } }', 1);
    await a.services.operationUsage.flush();
    await b.services.operationUsage.flush();

    const res = await b.gql<{ apiCredentialUsage: { grantedCount: number; usedCount: number; operations: Op[] } }>(USAGE, { id: one.id }, { token });
    expect(res.errors).toBeUndefined();
    const byOp = Object.fromEntries(res.data!.apiCredentialUsage.operations.map((o) => [o.operation, o]));
    expect(Object.keys(byOp).sort()).toEqual(['auditEvents.list', 'organization.read', 'postings.list', 'users.list']);
    expect(byOp['organization.read']).toMatchObject({ granted: true, allowedCount: 6, refusedCount: 0, missingPermission: null });
    expect(byOp['postings.list']).toMatchObject({ granted: true, allowedCount: 2, refusedCount: 0 });
    // Granted but never used: present with zero counts.
    expect(byOp['auditEvents.list']).toMatchObject({ granted: true, allowedCount: 0, refusedCount: 0, lastAllowedAt: null, daily: [] });
    // Refused calls name the permission that would have allowed them.
    expect(byOp['users.list']).toMatchObject({ granted: false, allowedCount: 0, refusedCount: 2, missingPermission: 'users.list' });
    expect(byOp['users.list'].lastRefusedAt).not.toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    expect(byOp['organization.read'].daily).toEqual([{ day: today, allowed: 6, refused: 0 }]);
    expect(res.data!.apiCredentialUsage).toMatchObject({ grantedCount: 3, usedCount: 2 });

    const other = await a.gql<{ apiCredentialUsage: { operations: Op[] } }>(USAGE, { id: two.id }, { token });
    expect(other.data!.apiCredentialUsage.operations.map((o) => [o.operation, o.allowedCount, o.refusedCount])).toEqual([['users.list', 5, 0]]);

    // A second round adds to the stored counts (upsert with + excluded.count), from either instance.
    await call(b, two.secret, '{ users { totalCount } }', 2);
    await b.services.operationUsage.flush();
    const again = await a.gql<{ apiCredentialUsage: { operations: Op[] } }>(USAGE, { id: two.id }, { token });
    expect(again.data!.apiCredentialUsage.operations[0].allowedCount).toBe(7);
  });

  it('a cached key call runs no SQL for verification or usage', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'] });
    expect((await a.gql('{ organization { id } }', {}, { token: key.secret })).errors).toBeUndefined();
    a.queries.length = 0;
    for (let i = 0; i < 3; i++) expect((await a.gql('{ organization { id } }', {}, { token: key.secret })).errors).toBeUndefined();
    expect(a.queries.filter((q) => /api_credential/.test(q))).toEqual([]);
    await a.services.operationUsage.flush();
    expect(a.queries.filter((q) => /insert into api_credential_usage/.test(q))).toHaveLength(1);
  });

  it('keys can never read usage, preview, suggest or narrow', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { fullAccess: true });
    const calls = [
      `{ apiCredentialUsage(id: "${key.id}") { usedCount } }`,
      `{ previewApiCredentialPermissions(id: "${key.id}", operations: [], allowConfidential: false) { impactHash } }`,
      `{ suggestApiCredentialPermissions(id: "${key.id}") { operations } }`,
      `mutation { narrowApiCredential(id: "${key.id}", expectedImpactHash: "x") { id } }`,
    ];
    for (const query of calls) expect(codeOf(await a.gql(query, {}, { token: key.secret })), query).toBe('FORBIDDEN');
  });

  it('housekeeping deletes daily buckets older than 90 days', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'] });
    const insert = `insert into api_credential_usage (credential_id, day, operation, outcome, count, first_at, last_at)
                    values (?, (now() at time zone 'UTC')::date - ?::integer, 'organization.read', 'ALLOWED', 1, now(), now())`;
    await a.orm.em.getConnection().execute(insert, [key.id, 91]);
    await a.orm.em.getConnection().execute(insert, [key.id, 89]);
    const report = await a.services.housekeeping.runOnce();
    expect(report.credentialUsageRows).toBeGreaterThanOrEqual(1);
    const left = await a.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from api_credential_usage where credential_id = ?', [key.id]);
    expect(left[0].n).toBe('1');
  });
});
