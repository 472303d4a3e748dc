import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan } from '../../src/modules/organizations/organization.entity';
import { login, startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, codeOf, CREATE_KEY, createKey, mutate } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('credential validation and policy', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ token } = await adminOf(t));
  });
  afterAll(async () => t?.close());

  async function expectBadInput(input: Record<string, unknown>, field: string, as = token) {
    const res = await t.gql(CREATE_KEY, { input: { name: 'k', ...input } }, { token: as });
    expect(codeOf(res), JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(res.errors?.[0].message).toContain(field);
  }

  it.each([
    [{ operations: ['users.list', 'users.fly'] }, 'operations'],
    [{ presetIds: ['nope'] }, 'presetIds'],
    [{ partnerId: 'nobody' }, 'partnerId'],
    [{ operations: [] }, 'operations'],
    [{ name: '', fullAccess: true }, 'name'],
    [{ name: 'x'.repeat(101), fullAccess: true }, 'name'],
    [{ description: 'x'.repeat(501), fullAccess: true }, 'description'],
    [{ fullAccess: true, allowedCidrs: ['10.0.0.0/33'] }, 'allowedCidrs'],
    [{ fullAccess: true, allowedCidrs: ['not an ip'] }, 'allowedCidrs'],
    [{ fullAccess: true, expiresAt: new Date(Date.now() - 1000).toISOString() }, 'expiresAt'],
    [{ fullAccess: true, rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
    [{ fullAccess: true, rateLimitPerMinute: 100_001 }, 'rateLimitPerMinute'],
  ])('refuses %j naming %s', async (input, field) => {
    await expectBadInput(input, field);
  });

  it('grants the union of operations, presets and partner', async () => {
    const key = await createKey(t, token, { operations: ['organization.read'], presetIds: ['audit-reader'], partnerId: 'background-check' });
    expect(key.operations).toEqual(['applications.download', 'applications.list', 'applications.read', 'auditEvents.list', 'organization.read']);
  });

  it('enforces maxCredentialLifetimeDays: expiry required and bounded', async () => {
    const { token: admin } = await adminOf(t);
    const set = await mutate(t, admin, 'mutation { updateOrganizationSettings(input: { maxCredentialLifetimeDays: 30 }) { settings { maxCredentialLifetimeDays } } }');
    expect(set.errors).toBeUndefined();
    await expectBadInput({ fullAccess: true }, 'expiresAt', admin);
    await expectBadInput({ fullAccess: true, expiresAt: new Date(Date.now() + 31 * DAY).toISOString() }, 'expiresAt', admin);
    const ok = await createKey(t, admin, { fullAccess: true, expiresAt: new Date(Date.now() + 29 * DAY).toISOString() });
    expect(ok.secret).toMatch(/^jgk_/);
  });

  it('refuses permission edits when the organization locks them, but allows other edits', async () => {
    const { token: admin } = await adminOf(t);
    const key = await createKey(t, admin, { operations: ['organization.read'] });
    await mutate(t, admin, 'mutation { updateOrganizationSettings(input: { lockCredentialPermissions: true }) { id } }');
    const edit = await mutate(t, admin, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { operations: ["users.list"] }) { id } }', { id: key.id });
    expect(codeOf(edit)).toBe('CONFLICT');
    expect(edit.errors?.[0].message).toBe('permissions are locked; delete the key and create a new one');
    const rename = await mutate(t, admin, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { name: "renamed" }) { name operations } }', { id: key.id });
    expect(rename.data?.updateApiCredential).toEqual({ name: 'renamed', operations: ['organization.read'] });
  });

  it('audits updates with the before/after permission sets', async () => {
    const key = await createKey(t, token, { operations: ['organization.read'] });
    await mutate(t, token, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { operations: ["users.list", "organization.read"] }) { id } }', { id: key.id });
    const audit = await t.gql<{ auditEvents: { nodes: { changes: Record<string, unknown> }[] } }>(
      'query($id: String) { auditEvents(filter: { action: "api_credential.updated", targetId: $id }) { nodes { changes } } }',
      { id: key.id },
      { token },
    );
    expect(audit.data?.auditEvents.nodes[0].changes).toEqual({ operations: { before: ['organization.read'], after: ['organization.read', 'users.list'] } });
  });

  it('refuses data keys on the BASIC plan, naming the plan, and refuses existing ones after a downgrade', async () => {
    const { org, token: admin } = await adminOf(t, Plan.BASIC);
    const res = await t.gql(CREATE_KEY, { input: { name: 'k', fullAccess: true } }, { token: admin });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('BASIC');
    const { org: full, token: fullAdmin } = await adminOf(t);
    const key = await createKey(t, fullAdmin, { fullAccess: true });
    await t.orm.em.getConnection().execute(`update organizations set plan = 'BASIC' where id = ?`, [full.organizationId]);
    const used = await t.gql('{ organization { id } }', {}, { token: key.secret });
    expect(codeOf(used)).toBe('FORBIDDEN');
    expect(used.errors?.[0].message).toContain('BASIC');
    expect(org.organizationId).not.toBe(full.organizationId);
  });

  it('lets only credential managers manage keys', async () => {
    const { org, token: admin } = await adminOf(t);
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: `plain@${org.slug}.test`, name: 'Plain Admin', role: 'ADMIN', password: 'a long enough password' } },
      { token: admin },
    );
    const plain = await login(t, org.slug, `plain@${org.slug}.test`, 'a long enough password');
    expect(codeOf(await t.gql('{ apiCredentials { totalCount } }', {}, { token: plain }))).toBe('FORBIDDEN');
    await mutate(t, admin, 'mutation($id: ID!) { updateUser(id: $id, input: { canManageApiCredentials: true }) { id } }', { id: created.data!.createUser.id });
    expect((await t.gql('{ apiCredentials { totalCount } }', {}, { token: plain })).errors).toBeUndefined();
  });
});
