import { graphql } from '../gql';

// The webhooks screens' operations (kept apart from operations.ts so that file stays about credentials and users).

export const WebhookAccessDocument = graphql(`
  query WebhookAccess { webhookAccess { operations allowConfidential } }
`);

export const WebhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id url eventTypes description allowConfidential status disabledReason failingSince previousSecretExpiresAt createdAt updatedAt
  }
`);

export const WebhookEventTypesDocument = graphql(`
  query WebhookEventTypes { webhookEventTypes { name description permission group } }
`);

export const WebhookEndpointsDocument = graphql(`
  query WebhookEndpoints($first: Int!, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...WebhookEndpointFields }
    }
  }
`);

export const WebhookEndpointDocument = graphql(`
  query WebhookEndpoint($id: ID!) { webhookEndpoint(id: $id) { ...WebhookEndpointFields } }
`);

export const WebhookMessagesDocument = graphql(`
  query WebhookMessages($endpointId: ID!, $first: Int!, $after: String) {
    webhookMessages(endpointId: $endpointId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id eventType createdAt status nextAttemptAt attempts { at statusCode durationMs error responseExcerpt } }
    }
  }
`);

export const CreateWebhookEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }
  }
`);

export const UpdateWebhookEndpointDocument = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }
  }
`);

export const DisableWebhookEndpointDocument = graphql(`
  mutation DisableWebhookEndpoint($id: ID!) { disableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }
`);

export const EnableWebhookEndpointDocument = graphql(`
  mutation EnableWebhookEndpoint($id: ID!) { enableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }
`);

export const DeleteWebhookEndpointDocument = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) }
`);

export const RotateWebhookEndpointSecretDocument = graphql(`
  mutation RotateWebhookEndpointSecret($id: ID!, $previousSecretTtlSeconds: Int!) {
    rotateWebhookEndpointSecret(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) { secret endpoint { ...WebhookEndpointFields } }
  }
`);

export const RedeliverWebhookMessageDocument = graphql(`
  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) { redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId) }
`);

export const SendTestWebhookDocument = graphql(`
  mutation SendTestWebhook($endpointId: ID!, $eventType: String!) { sendTestWebhook(endpointId: $endpointId, eventType: $eventType) }
`);
