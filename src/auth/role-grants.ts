import { catalog } from './catalog';
import { Role } from './role';

/** Endpoints a TEAM_MEMBER works with: hiring work, not administration. */
const TEAM_MEMBER_ENDPOINTS: ReadonlySet<string> = new Set(['postings', 'applications', 'uploads']);

/**
 * Candidate data rights (erase, export, legal hold) are administration, not hiring work;
 * EEO answers must stay away from the people who decide on hiring.
 */
const ADMIN_ONLY_OPERATIONS: ReadonlySet<string> = new Set(['applications.erase', 'applications.export', 'applications.hold', 'applications.eeo']);

/**
 * The one place roles map to catalog operations. Credential management is not in
 * the catalog (keys can never do it); it is decided by `canManageCredentials`.
 */
export function grantsForRole(role: Role): ReadonlySet<string> {
  if (role === Role.TEAM_MEMBER) {
    return new Set(catalog.filter((entry) => TEAM_MEMBER_ENDPOINTS.has(entry.endpoint) && !ADMIN_ONLY_OPERATIONS.has(entry.id)).map((entry) => entry.id));
  }
  return new Set(catalog.map((entry) => entry.id));
}

export function canManageCredentials(role: Role, flag: boolean): boolean {
  return role === Role.SUPER_ADMIN || flag;
}

/** TEAM_MEMBERs do not see confidential postings or applications. */
export function roleSeesConfidential(role: Role): boolean {
  return role !== Role.TEAM_MEMBER;
}
