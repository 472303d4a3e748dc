import type { CallMap } from '../helpers';

export const organizationCalls: CallMap = {
  'organization.read': {
    query: '{ organization { id } }',
    variables: () => ({}),
    // The organization query always answers the caller's own organization.
    crossTenant: 'EMPTY',
  },
};
