import { ForbiddenError } from '../errors';
import { canManageCredentials, grantsForRole, roleSeesConfidential } from './role-grants';
import { Role } from './role';
import type { Principal } from './principal';

/**
 * What a principal can do, reduced to what the ceiling rule compares: the catalog
 * operations it may run (download access is `applications.download` among them),
 * whether it sees confidential data, whether it manages API credentials, and
 * whether it holds the Super Admin's human-only powers.
 */
export interface Reach {
  grants: ReadonlySet<string>;
  confidential: boolean;
  manageCredentials: boolean;
  /**
   * A standing administrator role (ADMIN, SUPER_ADMIN): it signs in, keeps every
   * operation the catalog gains later, and administers people. A key's grant is a
   * fixed list, so no key ever has this: keys never create or promote administrators.
   */
  administrator: boolean;
  superAdmin: boolean;
}

export function reachOfUser(role: Role, canManageApiCredentials: boolean): Reach {
  return {
    grants: grantsForRole(role),
    confidential: roleSeesConfidential(role),
    manageCredentials: canManageCredentials(role, canManageApiCredentials),
    administrator: role !== Role.TEAM_MEMBER,
    superAdmin: role === Role.SUPER_ADMIN,
  };
}

/** A key never manages keys and is never a Super Admin: its reach is its grant and its confidential switch. */
export function reachOfKey(operations: Iterable<string>, allowConfidential: boolean): Reach {
  return { grants: new Set(operations), confidential: allowConfidential, manageCredentials: false, administrator: false, superAdmin: false };
}

export function reachOfPrincipal(principal: Principal): Reach {
  if (principal.kind === 'USER') return reachOfUser(principal.role!, principal.canManageApiCredentials ?? false);
  return reachOfKey(principal.grants, principal.allowConfidential);
}

/** What `target` has that `actor` lacks, in words; empty when target is within actor's reach. */
export function beyondReach(actor: Reach, target: Reach): string[] {
  const beyond: string[] = [];
  if (target.superAdmin && !actor.superAdmin) beyond.push('Super Admin powers');
  if (target.administrator && !actor.administrator) beyond.push('an administrator role');
  if (target.manageCredentials && !actor.manageCredentials) beyond.push('API credential management');
  if (target.confidential && !actor.confidential) beyond.push('confidential access');
  const missing = [...target.grants].filter((id) => !actor.grants.has(id)).sort();
  if (missing.length) beyond.push(`operations ${missing.join(', ')}`);
  return beyond;
}

/**
 * THE ceiling rule: no principal creates or changes a principal (a user, a session
 * through a password it chose, an API key) that gets more than the actor itself has,
 * and none changes a principal that already has more than it. Every operation that
 * creates or changes a principal calls this; `what` names the principal in the message.
 */
export function assertWithinCeiling(actor: Principal, target: Reach, what: string): void {
  const beyond = beyondReach(reachOfPrincipal(actor), target);
  if (beyond.length === 0) return;
  throw new ForbiddenError(`ceiling rule: ${what} would have more than you have (${beyond.join('; ')})`, {
    rule: 'ceiling',
    beyond,
  });
}
