import { describe, expect, it } from 'vitest';
import { authorizeHuman, authorizeOperation } from '../../src/auth/authorize';
import type { Principal } from '../../src/auth/principal';
import { Role } from '../../src/auth/role';
import { grantsForRole, roleSeesConfidential } from '../../src/auth/role-grants';

const user = (role: Role, canManageApiCredentials = false): Principal => ({
  kind: 'USER',
  organizationId: 'org',
  userId: 'user',
  displayName: 'Ada',
  role,
  canManageApiCredentials,
  grants: grantsForRole(role),
  allowConfidential: roleSeesConfidential(role),
});

const dataKey = (grants: string[]): Principal => ({ kind: 'DATA_KEY', organizationId: 'org', credentialId: 'key', displayName: 'ci', grants: new Set(grants), allowConfidential: false });

describe('authorization decisions (the permission package, without GraphQL)', () => {
  it('allows an operation the principal holds and names the missing one otherwise', () => {
    expect(authorizeOperation(dataKey(['users.list']), 'users.list')).toEqual({ ok: true });
    const refused = authorizeOperation(dataKey(['users.list']), 'users.create');
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'This API key is not granted users.create' });
    expect(!refused.ok && refused.error.extensions).toEqual({ missingOperation: 'users.create' });
    expect(authorizeOperation(user(Role.TEAM_MEMBER), 'users.create')).toMatchObject({ ok: false, message: 'Your role TEAM_MEMBER is not granted users.create' });
  });

  it('refuses every API key on humans-only operations', () => {
    for (const condition of ['anyUser', 'superAdmin', 'credentialManager'] as const) {
      expect(authorizeHuman(dataKey(['users.list']), condition)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('API keys cannot call it') });
    }
  });

  it('admits Super Admins everywhere, credential managers only with the flag', () => {
    expect(authorizeHuman(user(Role.SUPER_ADMIN), 'superAdmin')).toEqual({ ok: true });
    expect(authorizeHuman(user(Role.SUPER_ADMIN), 'credentialManager')).toEqual({ ok: true });
    expect(authorizeHuman(user(Role.ADMIN), 'superAdmin')).toMatchObject({ ok: false, message: 'Only a Super Admin can do this' });
    expect(authorizeHuman(user(Role.ADMIN), 'credentialManager')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(authorizeHuman(user(Role.ADMIN, true), 'credentialManager')).toEqual({ ok: true });
    expect(authorizeHuman(user(Role.TEAM_MEMBER), 'anyUser')).toEqual({ ok: true });
  });
});
