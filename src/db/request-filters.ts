import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { TENANT_FILTER } from './tenant-filter';

/** Sets the tenant filter on a fork. */
export function setTenant(em: EntityManager, organizationId: string): void {
  em.setFilterParams(TENANT_FILTER, { organizationId });
}

/** Every request fork goes through here, once, when it is made. */
export function setRequestFilters(em: EntityManager, principal: Principal): void {
  setTenant(em, principal.organizationId);
}
