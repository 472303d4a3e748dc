import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../credentials/helpers';
import { createPosting } from '../postings/helpers';
import { createOrg, LOGIN, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';

/**
 * Issue 9 §1 repro: a key whose only power is the user-directory-sync preset made
 * itself an ADMIN user, signed in as it and read confidential postings.
 */
describe('ceiling rule: the user-directory-sync escalation', () => {
  let t: TestApp;
  let org: SeededOrg;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    adminToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
    await createPosting(t, adminToken, { title: 'Replace the CFO', confidential: true });
  });
  afterAll(async () => t?.close());

  it('a users.create key cannot create an ADMIN, so no ADMIN session reads confidential postings', async () => {
    const key = await createKey(t, adminToken, { name: 'HRIS', presetIds: ['user-directory-sync'] });
    const email = `escalated@${org.slug}.test`;
    const password = 'a password the key chose';
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id role } }',
      { input: { email, name: 'Escalated', role: 'ADMIN', password } },
      { token: key.secret },
    );
    expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(created.errors?.[0]?.message).toMatch(/^ceiling rule: /);
    expect(created.data?.createUser ?? null).toBeNull();

    // Nothing was written: the login fails, and no confidential title can be read through it.
    const signIn = await t.gql<{ login: { token: string } }>(LOGIN, { slug: org.slug, email, password });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const users = await t.gql<{ users: { nodes: { email: string }[] } }>('{ users(first: 100) { nodes { email } } }', {}, { token: adminToken });
    expect(users.data!.users.nodes.map((u) => u.email)).not.toContain(email);
  });

  it('the same key cannot create a TEAM_MEMBER either: a TEAM_MEMBER works with postings and applications, which the key cannot', async () => {
    const key = await createKey(t, adminToken, { name: 'HRIS 2', presetIds: ['user-directory-sync'] });
    const res = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: `tm@${org.slug}.test`, name: 'Member', role: 'TEAM_MEMBER', password: 'a password the key chose' } },
      { token: key.secret },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toContain('operations applications.');
  });

  it('a key granted users.* plus everything a TEAM_MEMBER has creates TEAM_MEMBERs, whose session sees no confidential posting', async () => {
    const key = await createKey(t, adminToken, {
      name: 'HRIS 3',
      presetIds: ['user-directory-sync', 'postings-management', 'applications-export'],
      operations: ['applications.create', 'applications.remove', 'applications.reactivate'],
    });
    const email = `member@${org.slug}.test`;
    const password = 'a password the key chose';
    const res = await t.gql<{ createUser: { role: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { role } }',
      { input: { email, name: 'Member', role: 'TEAM_MEMBER', password } },
      { token: key.secret },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser.role).toBe('TEAM_MEMBER');
    const session = await login(t, org.slug, email, password);
    const postings = await t.gql<{ postings: { totalCount: number; nodes: { title: string }[] } }>(
      '{ postings(first: 50) { totalCount nodes { title } } }',
      {},
      { token: session },
    );
    expect(postings.errors).toBeUndefined();
    expect(postings.data!.postings.nodes.map((p) => p.title)).not.toContain('Replace the CFO');
    expect(postings.data!.postings.totalCount).toBe(0);
  });
});
