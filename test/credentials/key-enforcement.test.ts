import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, CATALOG_VERSION, type CatalogEntry } from '../../src/auth/catalog';
import { currentCatalog } from '../../src/auth/credential-grants';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { adminOf, codeOf, createKey, mutate } from './helpers';
import { grantsForRole } from '../../src/auth/role-grants';
import { Role } from '../../src/auth/role';

describe('data key enforcement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('rate limits per key: 429 with Retry-After and retryAfterSeconds', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read'], rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await t.gql('{ organization { id } }', {}, { token: key.secret })).errors).toBeUndefined();
    const limited = await t.gql('{ organization { id } }', {}, { token: key.secret });
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBe(Number(limited.headers['retry-after']));
    const other = await createKey(t, token, { operations: ['organization.read'], rateLimitPerMinute: 3 });
    expect((await t.gql('{ organization { id } }', {}, { token: other.secret })).errors).toBeUndefined();
  });

  it('checks allowedCidrs against the client address, ignoring X-Forwarded-For without TRUST_PROXY', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read'], allowedCidrs: ['203.0.113.0/24', '2001:db8::/32'] });
    const q = '{ organization { id } }';
    expect((await t.gql(q, {}, { token: key.secret, remoteAddress: '203.0.113.7' })).errors).toBeUndefined();
    expect((await t.gql(q, {}, { token: key.secret, remoteAddress: '2001:db8::1' })).errors).toBeUndefined();
    const outside = await t.gql(q, {}, { token: key.secret, remoteAddress: '198.51.100.1' });
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect(outside.errors?.[0].message).toContain('allowedCidrs');
    const spoofed = await t.gql(q, {}, { token: key.secret, remoteAddress: '198.51.100.1', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(codeOf(spoofed)).toBe('FORBIDDEN');
  });

  it('validates On-Behalf-Of and records it in the audit event', async () => {
    const { org, token } = await adminOf(t);
    const member = await userWithRole(t, org, token, 'TEAM_MEMBER');
    // The ceiling rule: a key creates TEAM_MEMBERs only when it has everything a TEAM_MEMBER has.
    const key = await createKey(t, token, { name: 'HRIS', operations: ['users.create', 'users.deactivate', ...grantsForRole(Role.TEAM_MEMBER)] });
    const create = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const input = (n: number) => ({ input: { email: `obo-${n}@${org.slug}.test`, name: 'OBO', role: 'TEAM_MEMBER', password: 'a long enough password' } });
    const { org: other, token: otherToken } = await adminOf(t);
    const stranger = await userWithRole(t, other, otherToken, 'TEAM_MEMBER');
    for (const value of ['not-a-uuid', stranger.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await t.gql(create, input(0), { token: key.secret, headers: { 'on-behalf-of': value } });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('On-Behalf-Of');
    }
    const ok = await t.gql<{ createUser: { id: string } }>(create, input(1), { token: key.secret, headers: { 'on-behalf-of': member.id } });
    expect(ok.errors).toBeUndefined();
    const audit = await t.gql<{ auditEvents: { nodes: { actorType: string; actorId: string; actorName: string; onBehalfOfUserId: string }[] } }>(
      'query($id: String) { auditEvents(filter: { action: "user.created", targetId: $id }) { nodes { actorType actorId actorName onBehalfOfUserId } } }',
      { id: ok.data!.createUser.id },
      { token },
    );
    expect(audit.data?.auditEvents.nodes[0]).toEqual({ actorType: 'API_CREDENTIAL', actorId: key.id, actorName: 'HRIS', onBehalfOfUserId: member.id });
    await mutate(t, token, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: member.id });
    const inactive = await t.gql(create, input(2), { token: key.secret, headers: { 'on-behalf-of': member.id } });
    expect(codeOf(inactive)).toBe('BAD_USER_INPUT');
  });

  it('batches usage: lastUsedAt advances, and 1 000 requests cost one UPDATE', async () => {
    const { token } = await adminOf(t);
    // Above the default 600 per minute, so every one of the 1 000 requests is served and counted.
    const key = await createKey(t, token, { operations: ['organization.read'], rateLimitPerMinute: 5000 });
    await t.services.credentialUsage.flush();
    t.queries.length = 0;
    const before = Date.now();
    for (let i = 0; i < 1000; i++) await t.gql('{ __typename }', {}, { token: key.secret });
    const updates = () => t.queries.filter((q) => /update\s+api_credentials/i.test(q)).length;
    expect(updates()).toBe(0);
    await t.services.credentialUsage.flush();
    expect(updates()).toBe(1);
    const lookups = t.queries.filter((q) => /from api_credentials/i.test(q)).length;
    expect(lookups).toBe(1);
    const read = await t.gql<{ apiCredential: { useCount: number; lastUsedAt: string } }>(
      'query($id: ID!) { apiCredential(id: $id) { useCount lastUsedAt } }',
      { id: key.id },
      { token },
    );
    expect(read.data?.apiCredential.useCount).toBe(1000);
    expect(new Date(read.data!.apiCredential.lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('never grants a fullAccess key an operation added after its creation', async () => {
    const { token } = await adminOf(t);
    const old = await createKey(t, token, { name: 'legacy', fullAccess: true });
    expect((await t.gql('{ auditEvents { totalCount } }', {}, { token: old.secret })).errors).toBeUndefined();
    // Simulate the next catalog version, in which auditEvents.list is new.
    const next = CATALOG_VERSION + 1;
    const bumped: CatalogEntry[] = catalog.map((entry) => (entry.id === 'auditEvents.list' ? { ...entry, since: next } : entry));
    t.services.catalog.current = { version: next, entries: bumped };
    t.services.credentialVerifier.clear();
    try {
      const denied = await t.gql('{ auditEvents { totalCount } }', {}, { token: old.secret });
      expect(codeOf(denied)).toBe('FORBIDDEN');
      expect(denied.errors?.[0].message).toContain('auditEvents.list');
      expect((await t.gql('{ organization { id } }', {}, { token: old.secret })).errors).toBeUndefined();
      const shown = await t.gql<{ apiCredential: { operations: string[] } }>('query($id: ID!) { apiCredential(id: $id) { operations } }', { id: old.id }, { token });
      expect(shown.data?.apiCredential.operations).not.toContain('auditEvents.list');
      const fresh = await createKey(t, token, { name: 'new', fullAccess: true });
      expect(fresh.operations).toContain('auditEvents.list');
      expect((await t.gql('{ auditEvents { totalCount } }', {}, { token: fresh.secret })).errors).toBeUndefined();
    } finally {
      t.services.catalog.current = currentCatalog;
      t.services.credentialVerifier.clear();
    }
  });
});
