import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userWithRole, codeOf, type TestApp } from '../helpers/test-app';
import { adminOf, createKey } from '../credentials/helpers';

const ACCESS = '{ webhookAccess { operations allowConfidential } }';

describe('webhookAccess: what the console may offer the signed-in user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an admin holds every webhooks.* operation, the event permissions and confidential access', async () => {
    const { token } = await adminOf(t);
    const res = await t.gql<{ webhookAccess: { operations: string[]; allowConfidential: boolean } }>(ACCESS, {}, { token });
    expect(res.errors).toBeUndefined();
    expect([...res.data!.webhookAccess.operations].sort()).toEqual(
      ['applications.read', 'organization.read', 'postings.read', 'webhooks.create', 'webhooks.delete', 'webhooks.list', 'webhooks.read', 'webhooks.update'],
    );
    expect(res.data!.webhookAccess.allowConfidential).toBe(true);
  });

  it('a Team Member holds no webhooks.* operation and no confidential access, and the call itself is allowed', async () => {
    const { org, token } = await adminOf(t);
    const member = await userWithRole(t, org, token, 'TEAM_MEMBER');
    const res = await t.gql<{ webhookAccess: { operations: string[]; allowConfidential: boolean } }>(ACCESS, {}, { token: member.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.webhookAccess.operations.filter((op) => op.startsWith('webhooks.'))).toEqual([]);
    expect(res.data!.webhookAccess.operations).toContain('postings.read');
    expect(res.data!.webhookAccess.allowConfidential).toBe(false);
    // The server agrees: the list itself is refused.
    expect(codeOf(await t.gql('{ webhookEndpoints { totalCount } }', {}, { token: member.token }))).toBe('FORBIDDEN');
  });

  it('is for signed-in users: a data key is refused with FORBIDDEN', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { name: 'Hooks', operations: ['webhooks.list'] });
    expect(codeOf(await t.gql(ACCESS, {}, { token: key.secret }))).toBe('FORBIDDEN');
  });
});
