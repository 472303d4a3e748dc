import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { createPosting } from '../postings/helpers';
import { adminOf, codeOf, createKey } from './helpers';

describe('preview, impact-checked saves and narrowing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_USAGE_FLUSH_INTERVAL_MS: String(60 * 60 * 1000) } });
  });
  afterAll(async () => t?.close());

  const PREVIEW = `query($id: ID!, $ops: [String!]!, $conf: Boolean!) {
    previewApiCredentialPermissions(id: $id, operations: $ops, allowConfidential: $conf) {
      removedWhileUsed { operation allowedCount lastUsedAt } removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash
    } }`;
  interface Impact { removedWhileUsed: { operation: string; allowedCount: number; lastUsedAt: string | null }[]; removedUnused: string[]; added: string[]; confidentialReads: number; confidentialReadsWouldBeHidden: boolean; breaks: boolean; impactHash: string }
  const preview = async (token: string, id: string, ops: string[], conf: boolean): Promise<Impact> => {
    const res = await t.gql<{ previewApiCredentialPermissions: Impact }>(PREVIEW, { id, ops, conf }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.previewApiCredentialPermissions;
  };
  const UPDATE = `mutation($id: ID!, $input: UpdateApiCredentialInput!, $hash: String) { updateApiCredential(id: $id, input: $input, expectedImpactHash: $hash) { operations allowConfidential } }`;
  const audit = async (token: string, action: string) => {
    // No filter argument on purpose: the newest 100 events are plenty in a fresh organization.
    const res = await t.gql<{ auditEvents: { nodes: { action: string; actorType: string; actorId: string; targetId: string; changes: Record<string, unknown> }[] } }>(
      `{ auditEvents(first: 100) { nodes { action targetId actorType actorId changes } } }`,
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.auditEvents.nodes.filter((e) => e.action === action);
  };

  it('reports used operations with counts, not unused ones, and confidential reads that would vanish', async () => {
    const { token } = await adminOf(t);
    await createPosting(t, token, { title: 'Secret role', confidential: true });
    const key = await createKey(t, token, { operations: ['organization.read', 'postings.list', 'users.list'], allowConfidential: true });
    for (let i = 0; i < 3; i++) expect((await t.gql('{ postings { nodes { id title } } }', {}, { token: key.secret })).errors).toBeUndefined();
    await t.gql('{ organization { id } }', {}, { token: key.secret });

    const impact = await preview(token, key.id, ['organization.read', 'auditEvents.list'], false);
    expect(impact.removedWhileUsed).toEqual([{ operation: 'postings.list', allowedCount: 3, lastUsedAt: expect.any(String) }]);
    expect(impact.removedUnused).toEqual(['users.list']);
    expect(impact.added).toEqual(['auditEvents.list']);
    expect(impact.confidentialReads).toBe(3);
    expect(impact.confidentialReadsWouldBeHidden).toBe(true);
    expect(impact.breaks).toBe(true);

    // Removing only the unused one breaks nothing; the preview changed nothing.
    const harmless = await preview(token, key.id, ['organization.read', 'postings.list'], true);
    expect(harmless).toMatchObject({ removedWhileUsed: [], removedUnused: ['users.list'], confidentialReadsWouldBeHidden: false, breaks: false });
    const still = await t.gql<{ apiCredential: { operations: string[] } }>('query($id: ID!) { apiCredential(id: $id) { operations } }', { id: key.id }, { token });
    expect(still.data!.apiCredential.operations).toEqual(['organization.read', 'postings.list', 'users.list']);

    const bad = await t.gql(PREVIEW, { id: key.id, ops: ['nope.read'], conf: false }, { token });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('CONFLICT when usage changes between preview and save; a save despite a reported impact is audited', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read', 'postings.list'] });
    await t.gql('{ postings { totalCount } }', {}, { token: key.secret });
    const seen = await preview(token, key.id, ['organization.read'], false);
    expect(seen.removedWhileUsed).toMatchObject([{ operation: 'postings.list', allowedCount: 1 }]);
    // The integration calls postings.list again: the save would now break more.
    await t.gql('{ postings { totalCount } }', {}, { token: key.secret });
    const stale = await t.gql(UPDATE, { id: key.id, input: { operations: ['organization.read'] }, hash: seen.impactHash }, { token });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await t.gql<{ apiCredential: { operations: string[] } }>('query($id: ID!) { apiCredential(id: $id) { operations } }', { id: key.id }, { token })).data!.apiCredential.operations).toEqual(['organization.read', 'postings.list']);
    // Calls of an operation that stays do not conflict.
    const fresh = await preview(token, key.id, ['organization.read'], false);
    await t.gql('{ organization { id } }', {}, { token: key.secret });
    const saved = await t.gql(UPDATE, { id: key.id, input: { operations: ['organization.read'] }, hash: fresh.impactHash }, { token });
    expect(saved.errors).toBeUndefined();
    const [accepted] = await audit(token, 'credential.impact_accepted');
    expect(accepted).toMatchObject({ targetId: key.id, changes: { removedWhileUsed: [{ operation: 'postings.list', allowedCount: 2 }] } });
    expect(accepted).toMatchObject({ actorType: 'USER', actorId: expect.any(String) });
  });

  it('narrowing keeps every call made in the window, refuses the others, and is audited', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { fullAccess: true });
    expect((await t.gql('{ organization { id } }', {}, { token: key.secret })).errors).toBeUndefined();
    expect((await t.gql('{ postings { totalCount } }', {}, { token: key.secret })).errors).toBeUndefined();
    const SUGGEST = `query($id: ID!) { suggestApiCredentialPermissions(id: $id) { operations dropped impact { impactHash breaks removedWhileUsed { operation } } } }`;
    const res = await t.gql<{ suggestApiCredentialPermissions: { operations: string[]; dropped: string[]; impact: { impactHash: string; breaks: boolean } } }>(SUGGEST, { id: key.id }, { token });
    const suggestion = res.data!.suggestApiCredentialPermissions;
    expect(suggestion.operations).toEqual(['organization.read', 'postings.list']);
    expect(suggestion.dropped).toContain('users.list');
    expect(suggestion.impact.breaks).toBe(false);

    const NARROW = `mutation($id: ID!, $hash: String!) { narrowApiCredential(id: $id, expectedImpactHash: $hash) { operations fullAccess } }`;
    expect(codeOf(await t.gql(NARROW, { id: key.id, hash: 'stale' }, { token }))).toBe('CONFLICT');
    const narrowed = await t.gql<{ narrowApiCredential: { operations: string[]; fullAccess: boolean } }>(NARROW, { id: key.id, hash: suggestion.impact.impactHash }, { token });
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data!.narrowApiCredential).toEqual({ operations: ['organization.read', 'postings.list'], fullAccess: false });

    expect((await t.gql('{ organization { id } }', {}, { token: key.secret })).errors).toBeUndefined();
    expect((await t.gql('{ postings { totalCount } }', {}, { token: key.secret })).errors).toBeUndefined();
    const outside = await t.gql('{ users { totalCount } }', {}, { token: key.secret });
    expect(codeOf(outside)).toBe('FORBIDDEN');

    const [event] = await audit(token, 'credential.narrowed');
    expect(event.targetId).toBe(key.id);
    expect(event.changes.dropped).toEqual(suggestion.dropped);
  });

  it('the ceiling rule: a TEAM_MEMBER credential manager cannot narrow a full-access key', async () => {
    const { org, token } = await adminOf(t);
    const member = await userWithRole(t, org, token, 'TEAM_MEMBER');
    const flag = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { canManageApiCredentials: true }) { id } }', { id: member.id }, { token });
    expect(flag.errors).toBeUndefined();
    const key = await createKey(t, token, { fullAccess: true });
    await t.gql('{ organization { id } }', {}, { token: key.secret });
    const res = await t.gql<{ suggestApiCredentialPermissions: { impact: { impactHash: string } } }>(
      'query($id: ID!) { suggestApiCredentialPermissions(id: $id) { impact { impactHash } } }', { id: key.id }, { token: member.token });
    expect(res.errors).toBeUndefined();
    const narrow = await t.gql('mutation($id: ID!, $h: String!) { narrowApiCredential(id: $id, expectedImpactHash: $h) { id } }', { id: key.id, h: res.data!.suggestApiCredentialPermissions.impact.impactHash }, { token: member.token });
    expect(codeOf(narrow)).toBe('FORBIDDEN');
    expect(narrow.errors?.[0].message).toContain('ceiling rule');
  });
});
