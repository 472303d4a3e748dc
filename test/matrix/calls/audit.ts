import type { CallMap } from '../helpers';

export const auditCalls: CallMap = {
  'auditEvents.list': {
    query: '{ auditEvents(first: 100) { nodes { id targetId } } }',
    variables: () => ({}),
    crossTenant: 'EMPTY',
  },
};
