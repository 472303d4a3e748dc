import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, codeOf, createKey, mutate } from './helpers';

describe('credential lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('creates a data key whose secret works once shown, and lists it with its effective grant', async () => {
    const { org, token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read'], presetIds: ['audit-reader'] });
    expect(key.secret).toMatch(/^jgk_[0-9A-Za-z]{36}$/);
    expect(key.operations).toEqual(['auditEvents.list', 'organization.read']);
    const me = await t.gql<{ organization: { id: string } }>('{ organization { id } }', {}, { token: key.secret });
    expect(me.data?.organization.id).toBe(org.organizationId);
    const list = await t.gql<{ apiCredentials: { nodes: { kind: string; secretHint: string; createdBy: { id: string } | null }[] } }>(
      '{ apiCredentials { nodes { kind secretHint createdBy { id } } } }',
      {},
      { token },
    );
    expect(list.data?.apiCredentials.nodes.map((n) => n.kind)).toEqual(['POSTINGS', 'DATA']);
    expect(list.data?.apiCredentials.nodes[1].secretHint).toBe(`${key.secret.slice(0, 8)}…${key.secret.slice(-4)}`);
    expect(list.data?.apiCredentials.nodes[1].createdBy?.id).toBe(org.adminUserId);
  });

  it('filters the list by kind and derived status', async () => {
    const { token } = await adminOf(t);
    const active = await createKey(t, token, { name: 'active', fullAccess: true });
    const revoked = await createKey(t, token, { name: 'revoked', fullAccess: true });
    const expired = await createKey(t, token, { name: 'expired', fullAccess: true });
    await mutate(t, token, 'mutation($id: ID!) { revokeApiCredential(id: $id) { id } }', { id: revoked.id });
    await t.orm.em.getConnection().execute(`update api_credentials set expires_at = now() - interval '1 second' where id = ?`, [expired.id]);
    const names = async (filter: Record<string, string>) => {
      const res = await t.gql<{ apiCredentials: { nodes: { id: string; status: string }[] } }>(
        'query($filter: ApiCredentialFilter) { apiCredentials(filter: $filter) { nodes { id status } } }',
        { filter },
        { token },
      );
      return res.data!.apiCredentials.nodes;
    };
    expect((await names({ kind: 'DATA', status: 'ACTIVE' })).map((n) => n.id)).toEqual([active.id]);
    expect(await names({ status: 'REVOKED' })).toEqual([{ id: revoked.id, status: 'REVOKED' }]);
    expect(await names({ status: 'EXPIRED' })).toEqual([{ id: expired.id, status: 'EXPIRED' }]);
    expect((await names({ kind: 'POSTINGS' })).map((n) => n.status)).toEqual(['ACTIVE']);
  });

  it('accepts HTTP Basic with the key as username and an empty password', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read'] });
    const basic = Buffer.from(`${key.secret}:`).toString('base64');
    const res = await t.gql('{ organization { id } }', {}, { headers: { authorization: `Basic ${basic}` } });
    expect(res.errors).toBeUndefined();
  });

  it('revokes and re-enables immediately, and deleting kills the key', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read'] });
    const q = '{ organization { id } }';
    expect((await t.gql(q, {}, { token: key.secret })).errors).toBeUndefined();
    const revoked = await mutate(t, token, 'mutation($id: ID!) { revokeApiCredential(id: $id) { status revokedAt } }', { id: key.id });
    expect(revoked.data?.revokeApiCredential).toMatchObject({ status: 'REVOKED' });
    expect(codeOf(await t.gql(q, {}, { token: key.secret }))).toBe('UNAUTHENTICATED');
    await mutate(t, token, 'mutation($id: ID!) { reenableApiCredential(id: $id) { status } }', { id: key.id });
    expect((await t.gql(q, {}, { token: key.secret })).errors).toBeUndefined();
    const deleted = await mutate(t, token, 'mutation($id: ID!) { deleteApiCredential(id: $id) }', { id: key.id });
    expect(deleted.data?.deleteApiCredential).toBe(true);
    expect(codeOf(await t.gql(q, {}, { token: key.secret }))).toBe('UNAUTHENTICATED');
  });

  it('rotates with TTL 0 (old secret dead at once) and with a grace period (both work)', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { operations: ['organization.read'] });
    const q = '{ organization { id } }';
    const rotate = 'mutation($id: ID!, $ttl: Int) { rotateApiCredential(id: $id, previousSecretTtlSeconds: $ttl) { secret credential { previousSecretExpiresAt } } }';
    const graced = await mutate(t, token, rotate, { id: key.id, ttl: 3600 });
    const second = (graced.data?.rotateApiCredential as { secret: string }).secret;
    expect((await t.gql(q, {}, { token: key.secret })).errors).toBeUndefined();
    expect((await t.gql(q, {}, { token: second })).errors).toBeUndefined();
    const hard = await mutate(t, token, rotate, { id: key.id, ttl: 0 });
    const third = (hard.data?.rotateApiCredential as { secret: string }).secret;
    expect(codeOf(await t.gql(q, {}, { token: key.secret }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(q, {}, { token: second }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(q, {}, { token: third })).errors).toBeUndefined();
    const tooLong = await mutate(t, token, rotate, { id: key.id, ttl: 8 * 24 * 3600 });
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toContain('previousSecretTtlSeconds');
  });

  it('gives every organization one postings key, revealable (audited), rotatable, not deletable', async () => {
    const { token } = await adminOf(t);
    const postings = await t.gql<{ postingsApiCredential: { id: string; kind: string } }>('{ postingsApiCredential { id kind } }', {}, { token });
    const id = postings.data!.postingsApiCredential.id;
    const reveal = await mutate(t, token, 'mutation { revealPostingsApiKey }');
    const secret = reveal.data?.revealPostingsApiKey as string;
    expect(secret).toMatch(/^jgp_/);
    expect((await mutate(t, token, 'mutation { revealPostingsApiKey }')).data?.revealPostingsApiKey).toBe(secret);
    const del = await mutate(t, token, 'mutation($id: ID!) { deleteApiCredential(id: $id) }', { id });
    expect(codeOf(del)).toBe('CONFLICT');
    const rotated = await mutate(t, token, 'mutation($id: ID!) { rotateApiCredential(id: $id) { secret } }', { id });
    const next = (rotated.data?.rotateApiCredential as { secret: string }).secret;
    expect(next).toMatch(/^jgp_/);
    expect((await mutate(t, token, 'mutation { revealPostingsApiKey }')).data?.revealPostingsApiKey).toBe(next);
    const audit = await t.gql<{ auditEvents: { nodes: { action: string }[] } }>(
      '{ auditEvents(filter: { action: "api_credential." }, first: 50) { nodes { action } } }',
      {},
      { token },
    );
    const actions = audit.data!.auditEvents.nodes.map((n) => n.action);
    expect(actions.filter((a) => a === 'api_credential.postings_key_revealed')).toHaveLength(3);
    expect(actions).toContain('api_credential.rotated');
    expect(actions).toContain('api_credential.created');
  });

  it('refuses the wrong surface: postings key on /graphql, data key on /public/graphql', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { fullAccess: true });
    const postings = (await mutate(t, token, 'mutation { revealPostingsApiKey }')).data?.revealPostingsApiKey as string;
    const onAdmin = await t.gql('{ organization { id } }', {}, { token: postings });
    expect(codeOf(onAdmin)).toBe('FORBIDDEN');
    expect(onAdmin.errors?.[0].message).toContain('postings keys only work on the public API');
    const onPublic = await t.gql('{ __typename }', {}, { token: key.secret, path: '/public/graphql' });
    expect(codeOf(onPublic)).toBe('FORBIDDEN');
    const postingsOnPublic = await t.gql('{ __typename }', {}, { token: postings, path: '/public/graphql' });
    expect(postingsOnPublic.errors).toBeUndefined();
  });

  it('never lets a key manage keys', async () => {
    const { token } = await adminOf(t);
    const key = await createKey(t, token, { fullAccess: true });
    const res = await t.gql(`mutation { createApiCredential(input: { name: "x", fullAccess: true }) { secret } }`, {}, { token: key.secret });
    expect(codeOf(res)).toBe('FORBIDDEN');
    const list = await t.gql('{ apiCredentials { totalCount } }', {}, { token: key.secret });
    expect(codeOf(list)).toBe('FORBIDDEN');
  });

  it('rejects malformed and unknown secrets as UNAUTHENTICATED without a database query', async () => {
    t.queries.length = 0;
    const res = await t.gql('{ organization { id } }', {}, { token: 'jgk_notARealKeyAtAllxxxxxxxxxxxxxxxxxxx' });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(t.queries.filter((q) => /api_credentials/.test(q))).toHaveLength(0);
  });
});

describe('catalog queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('lists endpoints with their operations, presets and partners for credential managers', async () => {
    const { token } = await adminOf(t);
    const res = await t.gql<{
      apiEndpoints: { name: string; operations: { id: string; access: string; call: string; since: number; showsCredentialLogo: boolean }[] }[];
      permissionPresets: { id: string; operations: string[] }[];
      integrationPartners: { id: string; operations: string[] }[];
    }>(
      '{ apiEndpoints { name description operations { id endpoint action access call description showsCredentialLogo since } } permissionPresets { id name description operations } integrationPartners { id name description operations } }',
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    const users = res.data!.apiEndpoints.find((e) => e.name === 'users')!;
    expect(users.operations.find((o) => o.id === 'users.list')).toMatchObject({ access: 'READ', call: 'query users', since: 1 });
    expect(res.data!.apiEndpoints.flatMap((e) => e.operations).find((o) => o.id === 'postings.create')?.showsCredentialLogo).toBe(true);
    expect(res.data!.permissionPresets.map((p) => p.id)).toContain('user-directory-sync');
    expect(res.data!.integrationPartners.length).toBeGreaterThanOrEqual(4);
    const key = await createKey(t, token, { fullAccess: true });
    expect(codeOf(await t.gql('{ apiEndpoints { name } }', {}, { token: key.secret }))).toBe('FORBIDDEN');
  });

  it('issues the postings key of organizations that predate it, once', async () => {
    const { org } = await adminOf(t);
    await t.orm.em.getConnection().execute(`delete from api_credentials where organization_id = ?`, [org.organizationId]);
    expect(await t.services.credentials.backfillPostingsKeys()).toBe(1);
    expect(await t.services.credentials.backfillPostingsKeys()).toBe(0);
  });
});
