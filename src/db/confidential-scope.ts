import { Filter } from '@mikro-orm/core';

export const CONFIDENTIAL_FILTER = 'confidential';

export interface ConfidentialFilterParams {
  allow: boolean;
  /**
   * The data key reading under this filter, if any: confidential rows it loads are
   * counted as its confidential reads (modules/credentials/confidential-read-counter.ts).
   */
  reader?: string;
}

/**
 * Hides rows whose `confidential` column is true from principals that may not
 * see confidential data (keys without allowConfidential, TEAM_MEMBERs, the public
 * API). Hidden means absent: not found, not listed, not counted. Like the tenant
 * filter it takes an argument, so a fork that forgot to set it throws.
 */
export const ConfidentialHidden = () =>
  Filter({
    name: CONFIDENTIAL_FILTER,
    default: true,
    cond: (params: ConfidentialFilterParams) => (params.allow ? {} : { confidential: false }),
  });
