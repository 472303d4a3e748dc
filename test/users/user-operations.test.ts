import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, userWithRole, type SeededOrg, type TestApp } from '../helpers/test-app';

const ME = '{ me { role operations } }';
const ERASE = 'mutation($e: String!) { eraseCandidateData(email: $e) { applications } }';
const LIST = '{ applications(first: 1) { totalCount } }';

/**
 * `User.operations` is what the console uses to show or hide a control, so it must say
 * exactly what the API then allows: each claim is checked against a real call.
 */
describe('User.operations: the catalog operations a role grants, as the console reads them', () => {
  let t: TestApp;
  let org: SeededOrg;
  let superToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    superToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function operationsOf(token: string): Promise<string[]> {
    const res = await t.gql<{ me: { operations: string[] } }>(ME, {}, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.me.operations;
  }

  it('a team member is told it may list applications but not erase, export or hold, and the API agrees', async () => {
    const member = await userWithRole(t, org, superToken, 'TEAM_MEMBER');
    const operations = await operationsOf(member.token);
    expect(operations).toEqual([...operations].sort());
    expect(operations).toContain('applications.list');
    for (const admin of ['applications.erase', 'applications.export', 'applications.hold', 'users.create']) expect(operations).not.toContain(admin);

    expect((await t.gql(LIST, {}, { token: member.token })).errors).toBeUndefined();
    const erase = await t.gql(ERASE, { e: 'nobody@example.com' }, { token: member.token });
    expect(erase.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an admin and a Super Admin are told they may erase, and the API lets them', async () => {
    const admin = await userWithRole(t, org, superToken, 'ADMIN');
    for (const token of [admin.token, superToken]) {
      const operations = await operationsOf(token);
      expect(operations).toEqual(expect.arrayContaining(['applications.erase', 'applications.export', 'applications.hold']));
      const erase = await t.gql<{ eraseCandidateData: { applications: number } }>(ERASE, { e: 'nobody@example.com' }, { token });
      expect(erase.errors).toBeUndefined();
      expect(erase.data?.eraseCandidateData.applications).toBe(0);
    }
  });
});
