import { asAdmin, type CallMap, type MatrixFixture } from '../helpers';

/** A public IP literal: passes the SSRF check without DNS; nothing here triggers an event it subscribes to. */
const URL = 'https://8.8.8.8/hook';
const INPUT = { url: URL, eventTypes: ['credential.revoked'] };

/** A fresh endpoint in `fx.org`, made by its admin session, with one test message to redeliver. */
async function newEndpoint(fx: MatrixFixture): Promise<{ endpointId: string; messageId: string }> {
  const data = await asAdmin<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    fx,
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    { input: INPUT },
  );
  const endpointId = data.createWebhookEndpoint.endpoint.id;
  // Disabled first, so the test message below is never sent anywhere.
  await asAdmin(fx, 'mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id } }', { id: endpointId });
  const sent = await asAdmin<{ sendTestWebhook: string }>(fx, 'mutation($id: ID!) { sendTestWebhook(endpointId: $id, eventType: "credential.revoked") }', { id: endpointId });
  return { endpointId, messageId: sent.sendTestWebhook };
}

export const webhooksCalls: CallMap = {
  'webhooks.list': {
    query: '{ webhookEndpoints(first: 100) { nodes { id } } }',
    prepare: (fx) => newEndpoint(fx),
    variables: () => ({}),
    crossTenant: 'EMPTY',
  },
  'webhooks.read': {
    query: 'query($id: ID!) { webhookEndpoint(id: $id) { id } }',
    prepare: (fx) => newEndpoint(fx),
    variables: (_fx, p) => ({ id: p.endpointId }),
    crossTenant: 'NOT_FOUND',
  },
  'webhooks.create': {
    query: 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    variables: () => ({ input: INPUT }),
    crossTenant: 'EMPTY',
    // The ceiling rule for subscribers: credential.revoked needs organization.read.
    ceilingGrants: ['organization.read'],
  },
  'webhooks.update': {
    query: 'mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { description: "matrix" }) { id } }',
    prepare: (fx) => newEndpoint(fx),
    variables: (_fx, p) => ({ id: p.endpointId }),
    crossTenant: 'NOT_FOUND',
    ceilingGrants: ['organization.read'],
  },
  'webhooks.delete': {
    query: 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }',
    prepare: (fx) => newEndpoint(fx),
    variables: (_fx, p) => ({ id: p.endpointId }),
    crossTenant: 'NOT_FOUND',
  },
};
