import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';

interface Event {
  id: string;
  at: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id at action actorType actorId actorName targetType targetId changes requestId ip }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('audit events', () => {
  let t: TestApp;
  let org: SeededOrg;
  let token: string;
  let userId: string;
  let startedAt: string;
  const password = 'audited password long';

  const events = async (filter: Record<string, unknown> = {}) => {
    const res = await t.gql<{ auditEvents: { totalCount: number; nodes: Event[] } }>(EVENTS, { filter, first: 100 }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.auditEvents;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    startedAt = new Date().toISOString();
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: `audited@${org.slug}.test`, name: 'Audited', role: 'TEAM_MEMBER', password } },
      { token, headers: { 'x-request-id': 'audit-create-1' } },
    );
    userId = created.data!.createUser.id;
    await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN, name: "Audited Two" }) { id } }', { id: userId }, { token });
    await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: userId }, { token });
    await t.gql('mutation($id: ID!) { reactivateUser(id: $id) { id } }', { id: userId }, { token });
    await t.gql('mutation { updateOrganizationSettings(input: { feedEnabled: false, allowedOrigins: ["https://a.example.com"] }) { id } }', {}, { token });
    const userToken = await login(t, org.slug, `audited@${org.slug}.test`, password);
    await t.gql('mutation { logout }', {}, { token: userToken });
  });
  afterAll(async () => t?.close());

  it('every user, session and settings change wrote one event, with actor and target', async () => {
    const { nodes } = await events({ since: startedAt });
    const actions = nodes.map((e) => `${e.action}:${e.targetId}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `user.created:${userId}`,
        `user.updated:${userId}`,
        `user.deactivated:${userId}`,
        `user.reactivated:${userId}`,
        `organization.settings_updated:${org.organizationId}`,
        `session.created:${userId}`,
        `session.ended:${userId}`,
      ]),
    );
    const created = nodes.find((e) => e.action === 'user.created')!;
    expect(created).toMatchObject({ actorType: 'USER', actorId: org.adminUserId, targetType: 'User', requestId: 'audit-create-1' });
    expect(created.changes).toMatchObject({ email: `audited@${org.slug}.test`, role: 'TEAM_MEMBER' });
    const updated = nodes.find((e) => e.action === 'user.updated')!;
    expect(updated.changes).toEqual({ role: { before: 'TEAM_MEMBER', after: 'ADMIN' }, name: { before: 'Audited', after: 'Audited Two' } });
    const settings = nodes.find((e) => e.action === 'organization.settings_updated')!;
    expect(settings.changes).toMatchObject({ feedEnabled: { before: true, after: false }, allowedOrigins: { before: [], after: ['https://a.example.com'] } });
    // Newest first.
    const times = nodes.map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('no event holds a password, token or hash', async () => {
    const all = JSON.stringify(await events());
    expect(all).not.toContain(password);
    expect(all).not.toContain(org.adminPassword);
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/jgs_/);
    expect(all).not.toMatch(/scrypt|\$argon/);
  });

  it('filters by exact action and by a "user." prefix', async () => {
    const exact = await events({ action: 'user.updated' });
    expect(exact.nodes.map((e) => e.action)).toEqual(['user.updated']);
    expect(exact.totalCount).toBe(1);
    const prefix = await events({ action: 'user.' });
    expect(new Set(prefix.nodes.map((e) => e.action))).toEqual(new Set(['user.created', 'user.updated', 'user.deactivated', 'user.reactivated']));
    expect((await events({ action: 'user' })).totalCount).toBe(0);
    expect((await events({ action: 'user%' })).totalCount).toBe(0);
  });

  it('filters by actorId and targetId', async () => {
    const byActor = await events({ actorId: org.adminUserId });
    expect(byActor.nodes.length).toBeGreaterThan(0);
    expect(byActor.nodes.every((e) => e.actorId === org.adminUserId)).toBe(true);
    const byTarget = await events({ targetId: userId });
    expect(byTarget.nodes.every((e) => e.targetId === userId)).toBe(true);
    expect(byTarget.nodes.map((e) => e.action)).toContain('user.deactivated');
    const both = await events({ targetId: userId, action: 'session.' });
    expect(new Set(both.nodes.map((e) => e.action))).toEqual(new Set(['session.created', 'session.ended']));
  });

  it('filters by since', async () => {
    const all = await events();
    const future = await events({ since: new Date(Date.now() + 60_000).toISOString() });
    expect(future.totalCount).toBe(0);
    const recent = await events({ since: startedAt });
    expect(recent.totalCount).toBeGreaterThan(0);
    expect(recent.totalCount).toBeLessThan(all.totalCount);
    expect(recent.nodes.every((e) => Date.parse(e.at) >= Date.parse(startedAt))).toBe(true);
  });

  it('a malformed actorId filter is BAD_USER_INPUT', async () => {
    const res = await t.gql(EVENTS, { filter: { actorId: 'nope' } }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
