import type { EntityManager } from '@mikro-orm/postgresql';
import { CONFIDENTIAL_FILTER } from './confidential-scope';
import { TENANT_FILTER } from './tenant-scope';

/** Scopes a fork to one organization, for system work that is not a request (login, seeding, feeds). */
export function setTenant(em: EntityManager, organizationId: string, allowConfidential = false): void {
  em.setFilterParams(TENANT_FILTER, { organizationId });
  em.setFilterParams(CONFIDENTIAL_FILTER, { allow: allowConfidential });
}

/** Every request fork goes through here, once, when it is made. */
export function setRequestScope(em: EntityManager, principal: { organizationId: string; allowConfidential: boolean }): void {
  setTenant(em, principal.organizationId, principal.allowConfidential);
}
