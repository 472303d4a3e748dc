import { grantsForRole } from '../../../src/auth/role-grants';
import { Role } from '../../../src/auth/role';
import { asAdmin, type CallMap, type MatrixFixture } from '../helpers';

let counter = 0;

/** The calls below create or touch TEAM_MEMBERs; a key may only do that when it has all a TEAM_MEMBER has. */
const TEAM_MEMBER_REACH = [...grantsForRole(Role.TEAM_MEMBER)];

async function newUser(fx: MatrixFixture, deactivated = false): Promise<{ userId: string }> {
  counter += 1;
  const data = await asAdmin<{ createUser: { id: string } }>(
    fx,
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email: `matrix-${counter}@${fx.org.slug}.test`, name: `Matrix ${counter}`, role: 'TEAM_MEMBER', password: 'a long enough password' } },
  );
  const userId = data.createUser.id;
  if (deactivated) await asAdmin(fx, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: userId });
  return { userId };
}

export const usersCalls: CallMap = {
  'users.list': {
    query: '{ users(first: 100) { nodes { id } } }',
    variables: () => ({}),
    crossTenant: 'EMPTY',
  },
  'users.read': {
    query: 'query($id: ID!) { user(id: $id) { id } }',
    prepare: (fx) => newUser(fx),
    variables: (_fx, p) => ({ id: p.userId }),
    crossTenant: 'NOT_FOUND',
  },
  'users.create': {
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: () => {
      counter += 1;
      return { input: { email: `created-${counter}-${process.pid}@example.test`, name: 'Created', role: 'TEAM_MEMBER', password: 'a long enough password' } };
    },
    // A key creates users in its own organization only.
    crossTenant: 'EMPTY',
    ceilingGrants: TEAM_MEMBER_REACH,
  },
  'users.update': {
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }',
    prepare: (fx) => newUser(fx),
    variables: (_fx, p) => ({ id: p.userId }),
    crossTenant: 'NOT_FOUND',
    ceilingGrants: TEAM_MEMBER_REACH,
  },
  'users.deactivate': {
    query: 'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
    prepare: (fx) => newUser(fx),
    variables: (_fx, p) => ({ id: p.userId }),
    crossTenant: 'NOT_FOUND',
    ceilingGrants: TEAM_MEMBER_REACH,
  },
  'users.reactivate': {
    query: 'mutation($id: ID!) { reactivateUser(id: $id) { id } }',
    prepare: (fx) => newUser(fx, true),
    variables: (_fx, p) => ({ id: p.userId }),
    crossTenant: 'NOT_FOUND',
    ceilingGrants: TEAM_MEMBER_REACH,
  },
};
