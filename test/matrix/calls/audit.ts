import type { CallMap } from '../fixture';

export const auditCalls: CallMap = {
  'auditEvents.list': {
    query: '{ auditEvents(first: 100) { nodes { id targetId } } }',
    variables: () => ({}),
    crossTenant: 'EMPTY',
  },
};
