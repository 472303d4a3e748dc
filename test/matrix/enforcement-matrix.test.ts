import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/auth/catalog';
import { createKey, type IssuedKey } from '../credentials/helpers';
import { createOrg, login, startTestApp, type TestApp } from '../helpers/test-app';
import type { CallOutcome, MatrixFixture, Prepared, RepresentativeCall } from './helpers';
import { representativeCalls } from './representative-calls';

/**
 * For every catalog operation, its representative call as each kind of key.
 * Adding an operation to the catalog adds its cases here; without a representative
 * call it fails the first test, by name.
 */
describe('enforcement matrix', () => {
  let t: TestApp;
  let fx: MatrixFixture;
  let full: IssuedKey;
  let revoked: IssuedKey;
  let expired: IssuedKey;
  let foreign: IssuedKey;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    const otherOrg = await createOrg(t);
    const adminToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const otherAdminToken = await login(t, otherOrg.slug, otherOrg.adminEmail, otherOrg.adminPassword);
    fx = { t, org, otherOrg, adminToken, otherAdminToken };
    full = await createKey(t, adminToken, { name: 'full', fullAccess: true });
    revoked = await createKey(t, adminToken, { name: 'revoked', fullAccess: true });
    const res = await t.gql('mutation($id: ID!) { revokeApiCredential(id: $id) { id } }', { id: revoked.id }, { token: adminToken });
    expect(res.errors).toBeUndefined();
    expired = await createKey(t, adminToken, { name: 'expired', fullAccess: true });
    await t.orm.em.getConnection().execute(`update api_credentials set expires_at = now() - interval '1 minute' where id = ?`, [expired.id]);
    foreign = await createKey(t, otherAdminToken, { name: 'foreign', fullAccess: true });
  });
  afterAll(async () => t?.close());

  async function run(call: RepresentativeCall, token: string): Promise<{ outcome: CallOutcome; prepared: Prepared }> {
    const prepared = call.prepare ? await call.prepare(fx) : {};
    if (call.request) return { outcome: await call.request(fx, token, prepared), prepared };
    const res = await t.gql<Record<string, unknown>>(call.query!, call.variables?.(fx, prepared) ?? {}, { token });
    const first = res.errors?.[0];
    const data = res.data ?? {};
    return {
      prepared,
      outcome: { code: first?.extensions?.code as string | undefined, message: first?.message, body: res, value: Object.values(data)[0] },
    };
  }

  it('has a representative call for every catalog operation', () => {
    const missing = catalog.map((entry) => entry.id).filter((id) => !representativeCalls[id]);
    expect(missing, `catalog ids without a representative call in test/matrix/calls: ${missing.join(', ')}`).toEqual([]);
  });

  describe.each(catalog.filter((entry) => representativeCalls[entry.id]).map((entry) => entry.id))('%s', (operationId) => {
    const call = () => representativeCalls[operationId];

    it('a key without it is FORBIDDEN, naming the operation', async () => {
      const key = await createKey(t, fx.adminToken, { name: `without ${operationId}`, operations: catalog.map((e) => e.id).filter((id) => id !== operationId) });
      const { outcome } = await run(call(), key.secret);
      expect(outcome.code).toBe('FORBIDDEN');
      expect(outcome.message).toContain(operationId);
    });

    it('a key with only it is not refused', async () => {
      const key = await createKey(t, fx.adminToken, { name: `with ${operationId}`, operations: [operationId, ...(call().ceilingGrants ?? [])] });
      const { outcome } = await run(call(), key.secret);
      expect(outcome.code, JSON.stringify(outcome.body)).not.toBe('FORBIDDEN');
      expect(outcome.code, JSON.stringify(outcome.body)).not.toBe('UNAUTHENTICATED');
    });

    it('a fullAccess key is allowed', async () => {
      const { outcome } = await run(call(), full.secret);
      expect(outcome.code, JSON.stringify(outcome.body)).toBeUndefined();
    });

    it('a revoked key is UNAUTHENTICATED', async () => {
      const { outcome } = await run(call(), revoked.secret);
      expect(outcome.code).toBe('UNAUTHENTICATED');
    });

    it('an expired key is UNAUTHENTICATED', async () => {
      const { outcome } = await run(call(), expired.secret);
      expect(outcome.code).toBe('UNAUTHENTICATED');
    });

    it(`another organization's key with it cannot reach this organization's objects`, async () => {
      const { outcome, prepared } = await run(call(), foreign.secret);
      if (call().crossTenant === 'NOT_FOUND') {
        expect(outcome.code === 'NOT_FOUND' || (outcome.code === undefined && outcome.value === null), JSON.stringify(outcome.body)).toBe(true);
      } else {
        expect(outcome.code, JSON.stringify(outcome.body)).toBeUndefined();
        const text = JSON.stringify(outcome.body);
        for (const id of [fx.org.organizationId, fx.org.adminUserId, ...Object.values(prepared)]) expect(text).not.toContain(id);
      }
    });
  });
});
