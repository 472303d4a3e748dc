import type { EntityManager } from '@mikro-orm/postgresql';
import { CONFIDENTIAL_FILTER } from './confidential-scope';
import { TENANT_FILTER } from './tenant-scope';

/** Scopes a fork to one organization, for system work that is not a request (login, seeding, feeds). */
export function setTenant(em: EntityManager, organizationId: string, allowConfidential = false): void {
  em.setFilterParams(TENANT_FILTER, { organizationId });
  em.setFilterParams(CONFIDENTIAL_FILTER, { allow: allowConfidential });
}

/**
 * Every request fork goes through here, once, when it is made. `reader` is the data
 * key's id, kept beside the confidential switch so its confidential reads can be counted.
 */
export function setRequestScope(em: EntityManager, principal: { organizationId: string; allowConfidential: boolean; reader?: string }): void {
  setTenant(em, principal.organizationId, principal.allowConfidential);
  if (principal.reader && principal.allowConfidential) em.setFilterParams(CONFIDENTIAL_FILTER, { allow: true, reader: principal.reader });
}
