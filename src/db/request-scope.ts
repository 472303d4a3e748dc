import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CONFIDENTIAL_FILTER } from './confidential-scope';
import { TENANT_FILTER } from './tenant-scope';

/** Which organization a unit of work reads and writes, and whether it sees confidential postings. */
export interface TenantScope {
  organizationId: string;
  allowConfidential: boolean;
  /** A data key's id, kept beside the confidential switch so its confidential reads can be counted. */
  reader?: string;
}

/** Scopes an entity manager (a fork, or a transaction that just created its organization) to one organization. */
export function setTenant(em: EntityManager, organizationId: string, allowConfidential = false): void {
  em.setFilterParams(TENANT_FILTER, { organizationId });
  em.setFilterParams(CONFIDENTIAL_FILTER, { allow: allowConfidential });
}

export function setRequestScope(em: EntityManager, scope: TenantScope): void {
  setTenant(em, scope.organizationId, scope.allowConfidential);
  if (scope.reader && scope.allowConfidential) em.setFilterParams(CONFIDENTIAL_FILTER, { allow: true, reader: scope.reader });
}

/**
 * Every entity manager of the service is made here, by one of two doors:
 * `scopedFork` for work on one organization (a request's caller, a file served by a
 * signed link, a demo seed), and `systemFork` for work that is about no single
 * organization yet or spans them (sign-in before the organization is known, signup,
 * sweeps, migrations). A request gets exactly one, made by the scope hook (http/scope-hook.ts).
 */
export function scopedFork(orm: MikroORM, scope: TenantScope | null): EntityManager {
  const em = orm.em.fork();
  if (scope) setRequestScope(em, scope);
  return em;
}

/** A fork scoped to one organization (no confidential postings unless asked). */
export function tenantFork(orm: MikroORM, organizationId: string, allowConfidential = false): EntityManager {
  return scopedFork(orm, { organizationId, allowConfidential });
}

/** A fork with no organization set: tenant-scoped entities refuse to load through it until `setTenant`. */
export function systemFork(orm: MikroORM): EntityManager {
  return scopedFork(orm, null);
}
