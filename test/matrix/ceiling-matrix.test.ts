import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beyondReach, reachOfKey, reachOfUser, type Reach } from '../../src/auth/ceiling';
import { catalog } from '../../src/auth/catalog';
import { Role } from '../../src/auth/role';
import { createKey } from '../credentials/helpers';
import { createOrg, login, startTestApp, userWithRole, type GqlResponse, type SeededOrg, type TestApp } from '../helpers/test-app';

/**
 * The ceiling rule as a matrix: every operation that creates or changes a principal
 * (users, their role and credential-management flag, activation, sessions through a
 * chosen password, API keys, their grants, confidential switch, re-enabling, rotation)
 * run by every kind of principal. Each cell states its expected outcome; an allowed
 * cell also checks that what was created or changed, as read back from the database,
 * is within the actor's reach. A refused cell is FORBIDDEN.
 */

type ActorName = 'SUPER_ADMIN' | 'ADMIN' | 'ADMIN_CM' | 'TEAM_MEMBER_CM' | 'KEY_FULL' | 'KEY_FULL_CONF' | 'KEY_DIRSYNC';
/** allow; `ceiling`: FORBIDDEN by the ceiling rule; `denied`: FORBIDDEN before it (operation, humans-only or Super-Admin-only check). */
type Expect = 'allow' | 'ceiling' | 'denied';
type Row = Record<ActorName, Expect>;

interface Actor {
  token: string;
  reach: Reach;
}

const ACTORS: ActorName[] = ['SUPER_ADMIN', 'ADMIN', 'ADMIN_CM', 'TEAM_MEMBER_CM', 'KEY_FULL', 'KEY_FULL_CONF', 'KEY_DIRSYNC'];
const ALL_OPERATIONS = catalog.map((e) => e.id);
const DIRSYNC_OPERATIONS = ['users.list', 'users.read', 'users.create', 'users.update', 'users.deactivate', 'users.reactivate'];

const row = (values: Partial<Row>, rest: Expect): Row => Object.fromEntries(ACTORS.map((a) => [a, values[a] ?? rest])) as Row;

describe('ceiling matrix', () => {
  let t: TestApp;
  let org: SeededOrg;
  let superToken: string;
  const actors = {} as Record<ActorName, Actor>;
  let counter = 0;

  async function asSuper<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await t.gql<T>(query, variables, { token: superToken });
    if (!res.data || res.errors) throw new Error(`setup failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  async function newUser(role: Role, options: { canManage?: boolean; deactivated?: boolean } = {}): Promise<string> {
    counter += 1;
    const data = await asSuper<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: `target-${counter}@${org.slug}.test`, name: `Target ${counter}`, role, password: 'a long enough password' },
    });
    const id = data.createUser.id;
    if (options.canManage) await asSuper('mutation($id: ID!) { updateUser(id: $id, input: { canManageApiCredentials: true }) { id } }', { id });
    if (options.deactivated) await asSuper('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id });
    return id;
  }

  /** The user's reach as stored now, read back by the Super Admin. */
  async function storedUserReach(id: string): Promise<Reach> {
    const data = await asSuper<{ user: { role: Role; canManageApiCredentials: boolean; active: boolean } }>(
      'query($id: ID!) { user(id: $id) { role canManageApiCredentials active } }',
      { id },
    );
    return reachOfUser(data.user.role, data.user.canManageApiCredentials);
  }

  async function storedKeyReach(id: string): Promise<Reach> {
    const data = await asSuper<{ apiCredential: { operations: string[]; allowConfidential: boolean } }>(
      'query($id: ID!) { apiCredential(id: $id) { operations allowConfidential } }',
      { id },
    );
    return reachOfKey(data.apiCredential.operations, data.apiCredential.allowConfidential);
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    superToken = await login(t, org.slug, org.adminEmail, org.adminPassword);
    const human = async (role: Role, canManage: boolean): Promise<Actor> => {
      const user = await userWithRole(t, org, superToken, role);
      if (canManage) await asSuper('mutation($id: ID!) { updateUser(id: $id, input: { canManageApiCredentials: true }) { id } }', { id: user.id });
      return { token: user.token, reach: reachOfUser(role, canManage) };
    };
    actors.SUPER_ADMIN = { token: superToken, reach: reachOfUser(Role.SUPER_ADMIN, false) };
    actors.ADMIN = await human(Role.ADMIN, false);
    actors.ADMIN_CM = await human(Role.ADMIN, true);
    actors.TEAM_MEMBER_CM = await human(Role.TEAM_MEMBER, true);
    const full = await createKey(t, superToken, { name: 'full', fullAccess: true });
    actors.KEY_FULL = { token: full.secret, reach: reachOfKey(full.operations, false) };
    const fullConf = await createKey(t, superToken, { name: 'full+confidential', fullAccess: true, allowConfidential: true });
    actors.KEY_FULL_CONF = { token: fullConf.secret, reach: reachOfKey(fullConf.operations, true) };
    const dirsync = await createKey(t, superToken, { name: 'dirsync', presetIds: ['user-directory-sync'] });
    actors.KEY_DIRSYNC = { token: dirsync.secret, reach: reachOfKey(dirsync.operations, false) };
  });
  afterAll(async () => t?.close());

  function expectOutcome(res: GqlResponse, expected: Expect): void {
    const error = res.errors?.[0];
    if (expected === 'allow') {
      expect(error, JSON.stringify(res.errors)).toBeUndefined();
      return;
    }
    expect(error?.extensions?.code, JSON.stringify(res.errors)).toBe('FORBIDDEN');
    if (expected === 'ceiling') expect(error?.message).toMatch(/^ceiling rule: /);
    else expect(error?.message).not.toMatch(/^ceiling rule: /);
  }

  function expectWithin(actor: ActorName, target: Reach): void {
    expect(beyondReach(actors[actor].reach, target), `${actor} created or changed a principal beyond its reach`).toEqual([]);
  }

  interface Case {
    name: string;
    expected: Row;
    /** Runs the operation as `token`; returns the answer and how to read back what it created or changed. */
    run: (token: string) => Promise<{ res: GqlResponse; readBack: () => Promise<Reach> }>;
  }

  const createUser = (role: Role): Case['run'] => async (token) => {
    counter += 1;
    const email = `created-${counter}@${org.slug}.test`;
    const password = 'a password chosen by the creator';
    const res = await t.gql<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Created', role, password } }, { token });
    return {
      res,
      readBack: async () => {
        // The session the creator can open with the password it chose has exactly the created user's reach.
        const session = await login(t, org.slug, email, password);
        const me = await t.gql<{ me: { role: Role; canManageApiCredentials: boolean } }>('{ me { role canManageApiCredentials } }', {}, { token: session });
        return reachOfUser(me.data!.me.role, me.data!.me.canManageApiCredentials);
      },
    };
  };

  const changeUser = (targetRole: Role, mutation: string, options: { deactivated?: boolean } = {}): Case['run'] => async (token) => {
    const id = await newUser(targetRole, options);
    const res = await t.gql(mutation, { id }, { token });
    return { res, readBack: () => storedUserReach(id) };
  };

  const createCredential = (input: Record<string, unknown>): Case['run'] => async (token) => {
    counter += 1;
    const res = await t.gql<{ createApiCredential: { credential: { id: string } } }>(
      'mutation($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { credential { id } } }',
      { input: { name: `created ${counter}`, ...input } },
      { token },
    );
    return { res, readBack: () => storedKeyReach(res.data!.createApiCredential.credential.id) };
  };

  const changeCredential = (keyInput: Record<string, unknown>, mutation: string, options: { revoked?: boolean } = {}): Case['run'] => async (token) => {
    const key = await createKey(t, superToken, { name: `target ${++counter}`, ...keyInput });
    if (options.revoked) await asSuper('mutation($id: ID!) { revokeApiCredential(id: $id) { id } }', { id: key.id });
    const res = await t.gql(mutation, { id: key.id }, { token });
    return { res, readBack: () => storedKeyReach(key.id) };
  };

  /** The key makes `keyCall`, a super admin reads the suggestion's hash, then `token` narrows the key to it. */
  const narrowCredential = (keyInput: Record<string, unknown>, keyCall: string): Case['run'] => async (token) => {
    const key = await createKey(t, superToken, { name: `narrowed ${++counter}`, ...keyInput });
    await t.gql(keyCall, {}, { token: key.secret });
    const suggestion = await asSuper<{ suggestApiCredentialPermissions: { impact: { impactHash: string } } }>(
      'query($id: ID!) { suggestApiCredentialPermissions(id: $id) { impact { impactHash } } }',
      { id: key.id },
    );
    const res = await t.gql('mutation($id: ID!, $h: String!) { narrowApiCredential(id: $id, expectedImpactHash: $h) { id } }', { id: key.id, h: suggestion.suggestApiCredentialPermissions.impact.impactHash }, { token });
    return { res, readBack: () => storedKeyReach(key.id) };
  };

  const postingsKeyReset: Case['run'] = async (token) => {
    const res = await t.gql('mutation { rotateApiCredential(id: "%ID%") { secret } }'.replace('%ID%', await postingsKeyId()), {}, { token });
    return { res, readBack: async () => reachOfKey(['applications.create', 'uploads.upload'], false) };
  };
  const postingsKeyId = async () => (await asSuper<{ postingsApiCredential: { id: string } }>('{ postingsApiCredential { id } }')).postingsApiCredential.id;

  const humansOnly = { KEY_FULL: 'denied', KEY_FULL_CONF: 'denied', KEY_DIRSYNC: 'denied' } as const;
  const managers = { SUPER_ADMIN: 'allow', ADMIN: 'denied', ADMIN_CM: 'allow', ...humansOnly } as const;

  const cases: Case[] = [
    // Users: TEAM_MEMBER_CM lacks users.* (operation check); the dirsync key lacks what a TEAM_MEMBER has.
    { name: 'createUser TEAM_MEMBER', run: createUser(Role.TEAM_MEMBER), expected: row({ TEAM_MEMBER_CM: 'denied', KEY_DIRSYNC: 'ceiling' }, 'allow') },
    { name: 'createUser ADMIN', run: createUser(Role.ADMIN), expected: row({ SUPER_ADMIN: 'allow', ADMIN: 'allow', ADMIN_CM: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling') },
    { name: 'createUser SUPER_ADMIN', run: createUser(Role.SUPER_ADMIN), expected: row({ SUPER_ADMIN: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling') },
    {
      name: 'updateUser promotes a TEAM_MEMBER to ADMIN',
      run: changeUser(Role.TEAM_MEMBER, 'mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { id } }'),
      expected: row({ SUPER_ADMIN: 'allow', ADMIN: 'allow', ADMIN_CM: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling'),
    },
    {
      name: 'updateUser promotes an ADMIN to SUPER_ADMIN',
      run: changeUser(Role.ADMIN, 'mutation($id: ID!) { updateUser(id: $id, input: { role: SUPER_ADMIN }) { id } }'),
      expected: row({ SUPER_ADMIN: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling'),
    },
    {
      name: 'updateUser renames an ADMIN',
      run: changeUser(Role.ADMIN, 'mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }'),
      expected: row({ SUPER_ADMIN: 'allow', ADMIN: 'allow', ADMIN_CM: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling'),
    },
    {
      name: 'updateUser grants canManageApiCredentials to an ADMIN',
      run: changeUser(Role.ADMIN, 'mutation($id: ID!) { updateUser(id: $id, input: { canManageApiCredentials: true }) { id } }'),
      // An ADMIN credential manager has the power but may not hand it on: only a Super Admin changes the flag.
      expected: row({ SUPER_ADMIN: 'allow', ADMIN_CM: 'denied', TEAM_MEMBER_CM: 'denied' }, 'ceiling'),
    },
    {
      name: 'updateUser renames a credential-managing TEAM_MEMBER',
      run: async (token) => {
        const id = await newUser(Role.TEAM_MEMBER, { canManage: true });
        const res = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }', { id }, { token });
        return { res, readBack: () => storedUserReach(id) };
      },
      expected: row({ SUPER_ADMIN: 'allow', ADMIN_CM: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling'),
    },
    {
      name: 'deactivateUser of a TEAM_MEMBER',
      run: changeUser(Role.TEAM_MEMBER, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }'),
      expected: row({ TEAM_MEMBER_CM: 'denied', KEY_DIRSYNC: 'ceiling' }, 'allow'),
    },
    {
      name: 'reactivateUser of an ADMIN',
      run: changeUser(Role.ADMIN, 'mutation($id: ID!) { reactivateUser(id: $id) { id } }', { deactivated: true }),
      expected: row({ SUPER_ADMIN: 'allow', ADMIN: 'allow', ADMIN_CM: 'allow', TEAM_MEMBER_CM: 'denied' }, 'ceiling'),
    },
    {
      name: 'reactivateUser of a TEAM_MEMBER',
      run: changeUser(Role.TEAM_MEMBER, 'mutation($id: ID!) { reactivateUser(id: $id) { id } }', { deactivated: true }),
      expected: row({ TEAM_MEMBER_CM: 'denied', KEY_DIRSYNC: 'ceiling' }, 'allow'),
    },
    // Keys: humans only, credential managers only; a TEAM_MEMBER manager cannot issue more than a TEAM_MEMBER has.
    { name: 'createApiCredential postings.list', run: createCredential({ operations: ['postings.list'] }), expected: row({ ...managers, TEAM_MEMBER_CM: 'allow' }, 'denied') },
    { name: 'createApiCredential users.create', run: createCredential({ operations: ['users.create'] }), expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied') },
    { name: 'createApiCredential fullAccess', run: createCredential({ fullAccess: true }), expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied') },
    {
      name: 'createApiCredential applications.download with allowConfidential',
      run: createCredential({ operations: ['applications.download'], allowConfidential: true }),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    {
      name: 'updateApiCredential adds users.list',
      run: changeCredential({ operations: ['postings.list'] }, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { operations: ["postings.list", "users.list"] }) { id } }'),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    {
      name: 'updateApiCredential switches allowConfidential on',
      run: changeCredential({ operations: ['postings.list'] }, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { allowConfidential: true }) { id } }'),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    {
      name: 'updateApiCredential renames a full-access key',
      run: changeCredential({ fullAccess: true }, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { name: "renamed" }) { id } }'),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    {
      name: 'reenableApiCredential of a full-access confidential key',
      run: changeCredential({ fullAccess: true, allowConfidential: true }, 'mutation($id: ID!) { reenableApiCredential(id: $id) { id } }', { revoked: true }),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    {
      name: 'narrowApiCredential of a full-access key',
      run: narrowCredential({ fullAccess: true }, '{ postings { totalCount } }'),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    {
      name: 'narrowApiCredential of a postings.list + postings.read key',
      run: narrowCredential({ operations: ['postings.list', 'postings.read'] }, '{ postings { totalCount } }'),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'allow' }, 'denied'),
    },
    {
      name: 'reenableApiCredential of a postings.list key',
      run: changeCredential({ operations: ['postings.list'] }, 'mutation($id: ID!) { reenableApiCredential(id: $id) { id } }', { revoked: true }),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'allow' }, 'denied'),
    },
    {
      name: 'rotateApiCredential of a full-access key',
      run: changeCredential({ fullAccess: true }, 'mutation($id: ID!) { rotateApiCredential(id: $id) { secret } }'),
      expected: row({ ...managers, TEAM_MEMBER_CM: 'ceiling' }, 'denied'),
    },
    { name: 'rotateApiCredential of the postings key (reset)', run: postingsKeyReset, expected: row({ ...managers, TEAM_MEMBER_CM: 'allow' }, 'denied') },
  ];

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it.each(ACTORS)('as %s', async (actor) => {
      const { res, readBack } = await c.run(actors[actor].token);
      expectOutcome(res, c.expected[actor]);
      if (c.expected[actor] === 'allow') expectWithin(actor, await readBack());
    });
  });

  it('revoking takes power away, so a TEAM_MEMBER credential manager may revoke a full-access key', async () => {
    const key = await createKey(t, superToken, { name: 'to revoke', fullAccess: true, allowConfidential: true });
    const res = await t.gql<{ revokeApiCredential: { status: string } }>('mutation($id: ID!) { revokeApiCredential(id: $id) { status } }', { id: key.id }, { token: actors.TEAM_MEMBER_CM.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.revokeApiCredential.status).toBe('REVOKED');
  });

  it('every actor kind is really distinct (the matrix is not vacuous)', () => {
    expect(actors.KEY_FULL.reach.grants.size).toBe(ALL_OPERATIONS.length);
    expect([...actors.KEY_DIRSYNC.reach.grants].sort()).toEqual([...DIRSYNC_OPERATIONS].sort());
    expect(actors.KEY_FULL_CONF.reach.confidential).toBe(true);
    expect(actors.KEY_FULL.reach.confidential).toBe(false);
  });
});
