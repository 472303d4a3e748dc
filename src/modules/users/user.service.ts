import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { paginate, type Page, type PageRequest } from '../../db/paginate';
import { assertWithinCeiling, reachOfUser } from '../../auth/ceiling';
import { diff, recordAudit } from '../audit';
import type { SessionService } from './session.service';
import { hashPassword } from './password';
import { Role } from '../../auth/role';
import { User } from './user.entity';
import { lockUserChanges } from './user.repository';
import type { CreateUserInput, UpdateUserInput } from './user.inputs';
import { checkEmail, checkName, checkPassword, normalizeEmail } from './user-validation';

const isSuperAdminUser = (scope: Scope) => scope.principal.kind === 'USER' && scope.principal.role === Role.SUPER_ADMIN;

/**
 * Who may touch whom. The ceiling rule (auth/ceiling.ts) decides: the target as it is
 * and as it will be must both be within the caller's reach, so a key or an ADMIN never
 * creates, promotes, re-enables or otherwise changes a user stronger than itself.
 * On top of it, only a Super Admin changes `canManageApiCredentials` (a credential
 * manager who is not a Super Admin does not hand that power on).
 */
function assertMayTouch(scope: Scope, target: User | null, next: { role?: Role | null; canManage?: boolean | null }): void {
  if (target) assertWithinCeiling(scope.principal, reachOfUser(target.role, target.canManageApiCredentials), `user ${target.id} (${target.role})`);
  const role = next.role ?? target?.role;
  if (role) {
    const canManage = next.canManage ?? target?.canManageApiCredentials ?? false;
    assertWithinCeiling(scope.principal, reachOfUser(role, canManage), target ? `user ${target.id} as ${role}` : `a new ${role} user`);
  }
  if (isSuperAdminUser(scope)) return;
  if (next.canManage != null && next.canManage !== (target?.canManageApiCredentials ?? false)) {
    throw new ForbiddenError('Only a Super Admin can change canManageApiCredentials');
  }
}

export class UserService {
  constructor(private readonly sessions: SessionService) {}

  /** The organization's users, oldest first, as a plain page (the resolver makes it a connection). */
  list(scope: Scope, page: PageRequest): Promise<Page<User>> {
    return paginate(scope.em, User, {}, page, { createdAt: 'asc', id: 'asc' });
  }

  async get(scope: Scope, id: string): Promise<User> {
    // A malformed id names nothing: the same NOT_FOUND as an absent user (as for postings and credentials).
    const user = isUuid(id) ? await scope.em.findOne(User, { id: id.toLowerCase() }) : null;
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(scope: Scope, input: CreateUserInput): Promise<User> {
    const problems = [
      ...checkEmail('email', input.email),
      ...checkName('name', input.name),
      ...checkPassword('password', input.password),
    ];
    if (problems.length) throw new BadInputError(problems);
    assertMayTouch(scope, null, { role: input.role });
    const email = normalizeEmail(input.email);
    try {
      return await scope.em.transactional(async (em) => {
        if (await em.count(User, { email })) throw new ConflictError(`A user with email ${email} already exists`);
        const user = em.create(User, {
          organization: scope.principal.organizationId,
          email,
          name: input.name.trim(),
          role: input.role,
          passwordHash: await hashPassword(input.password),
        });
        recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
          action: 'user.created',
          targetType: 'User',
          targetId: user.id,
          changes: { email, name: user.name, role: user.role },
        });
        return user;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError(`A user with email ${email} already exists`);
      throw err;
    }
  }

  async update(scope: Scope, id: string, input: UpdateUserInput): Promise<User> {
    if (input.name != null) {
      const problems = checkName('name', input.name);
      if (problems.length) throw new BadInputError(problems);
    }
    return scope.em.transactional(async (em) => {
      await lockUserChanges(em, scope.principal.organizationId);
      const user = await this.lockedUser(em, id);
      assertMayTouch(scope, user, { role: input.role, canManage: input.canManageApiCredentials });
      if (user.role === Role.SUPER_ADMIN && input.role && input.role !== Role.SUPER_ADMIN) await this.assertNotLastSuperAdmin(em, user);
      const before = { name: user.name, role: user.role, canManageApiCredentials: user.canManageApiCredentials };
      if (input.name != null) user.name = input.name.trim();
      if (input.role != null) user.role = input.role;
      if (input.canManageApiCredentials != null) user.canManageApiCredentials = input.canManageApiCredentials;
      const after = { name: user.name, role: user.role, canManageApiCredentials: user.canManageApiCredentials };
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'user.updated',
        targetType: 'User',
        targetId: user.id,
        changes: diff(before, after, ['name', 'role', 'canManageApiCredentials']),
      });
      return user;
    });
  }

  async setActive(scope: Scope, id: string, active: boolean): Promise<User> {
    return scope.em.transactional(async (em) => {
      await lockUserChanges(em, scope.principal.organizationId);
      const user = await this.lockedUser(em, id);
      assertMayTouch(scope, user, {});
      if (user.active === active) return user;
      if (!active && user.role === Role.SUPER_ADMIN) await this.assertNotLastSuperAdmin(em, user);
      user.active = active;
      // Deactivation takes effect on the very next request: sessions are verified against the database.
      if (!active) await this.sessions.endAllForUser(em, user.id);
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: active ? 'user.reactivated' : 'user.deactivated',
        targetType: 'User',
        targetId: user.id,
      });
      return user;
    });
  }

  /** Row locks need the transaction's own EntityManager (`em` of `transactional`), not the request's. */
  private async lockedUser(em: EntityManager, id: string): Promise<User> {
    const user = isUuid(id) ? await em.findOne(User, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** Locks every active Super Admin row, so two concurrent demotions cannot both pass. */
  private async assertNotLastSuperAdmin(em: EntityManager, target: User): Promise<void> {
    const admins = await em.find(User, { role: Role.SUPER_ADMIN, active: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (admins.length <= 1 && admins.some((a) => a.id === target.id)) {
      throw new ConflictError('The last active Super Admin cannot be demoted or deactivated');
    }
  }
}
