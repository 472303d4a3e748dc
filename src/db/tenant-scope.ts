import { Filter } from '@mikro-orm/core';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  organizationId: string;
}

/**
 * Scopes every query on the entity to one organization. The condition takes an
 * argument, so MikroORM throws when no organization was set on the fork: a
 * forgotten scope fails closed instead of reading every tenant's rows.
 */
export const TenantScoped = () =>
  Filter({
    name: TENANT_FILTER,
    default: true,
    cond: (params: TenantFilterParams) => ({ organization: params.organizationId }),
  });
