import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { WEBHOOKS_KEY } from '../api/webhook-access';
import { RedeliverWebhookMessageDocument, SendTestWebhookDocument, WebhookMessagesDocument } from '../api/webhook-operations';
import { formatDateTime } from '../format';
import type { WebhookMessageStatus } from '../gql/graphql';
import { Pager, useCursorPages } from './pager';
import { EmptyState, QueryView } from './states';
import { WebhookAttempts } from './webhook-attempts';
import type { WebhookEndpoint } from './webhook-endpoint-form';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<WebhookMessageStatus, string> = { PENDING: 'blue', DELIVERING: 'blue', DELIVERED: 'teal', FAILED: 'red', SUPPRESSED: 'gray' };

/** An endpoint's messages, newest first, with their attempts; Redeliver and "Send test event" for those who may update it. */
export function WebhookMessageLog({ endpoint, canSend }: { endpoint: WebhookEndpoint; canSend: boolean }) {
  const pages = useCursorPages();
  const messagesKey = [...WEBHOOKS_KEY, 'messages', endpoint.id];
  const query = useApiQuery(messagesKey, WebhookMessagesDocument, { endpointId: endpoint.id, first: PAGE_SIZE, after: pages.after });
  const redeliver = useApiMutation(RedeliverWebhookMessageDocument, [messagesKey]);
  const sendTest = useApiMutation(SendTestWebhookDocument, [messagesKey]);
  const [testType, setTestType] = useState<string | null>(endpoint.eventTypes[0] ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const failure = redeliver.error ?? sendTest.error;
  const client = useQueryClient();
  // Deliveries happen in the background: Refresh reloads the log and the endpoint (its failing and disabled state).
  const refresh = () => void client.invalidateQueries({ queryKey: WEBHOOKS_KEY });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        {canSend ? (
          <Group align="flex-end" gap="xs">
            <Select label="Test event type" data={endpoint.eventTypes} value={testType} onChange={setTestType} allowDeselect={false} comboboxProps={{ withinPortal: false }} w={240} />
            <Button
              variant="default"
              disabled={!testType || endpoint.status !== 'ENABLED'}
              loading={sendTest.isPending}
              onClick={() => testType && sendTest.mutate({ endpointId: endpoint.id, eventType: testType }, { onSuccess: (data) => setNotice(`Test event ${data.sendTestWebhook} queued.`) })}
            >
              Send test event
            </Button>
          </Group>
        ) : (
          <span />
        )}
        <Button variant="default" onClick={refresh} loading={query.isFetching}>
          Refresh
        </Button>
      </Group>
      {notice && (
        <Text size="sm" role="status">
          {notice}
        </Text>
      )}
      {failure && (
        <Alert color="red" variant="outline" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => (redeliver.reset(), sendTest.reset())}>
          {failure.message}
        </Alert>
      )}
      <QueryView query={query} select={(data) => data.webhookMessages} loadingLabel="Loading messages…">
        {(connection) =>
          connection.nodes.length === 0 ? (
            <EmptyState title="No messages yet">Events this endpoint subscribes to appear here, with every delivery attempt.</EmptyState>
          ) : (
            <Stack>
              <Table.ScrollContainer minWidth={900}>
                <Table striped verticalSpacing="xs" aria-label="Messages">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Message</Table.Th>
                      <Table.Th>Event type</Table.Th>
                      <Table.Th>Created</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Next attempt</Table.Th>
                      <Table.Th>Attempts</Table.Th>
                      <Table.Th>
                        <span className="visually-hidden">Actions</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {connection.nodes.map((message) => (
                      <Table.Tr key={message.id} data-testid={`message-row-${message.id}`}>
                        <Table.Td>
                          <Text size="xs" className="secret">
                            {message.id}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{message.eventType}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(message.createdAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLORS[message.status]} variant="filled">
                            {message.status.toLowerCase()}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(message.nextAttemptAt)}</Text>
                        </Table.Td>
                        <Table.Td maw={340}>
                          <WebhookAttempts attempts={message.attempts} />
                        </Table.Td>
                        <Table.Td>
                          {canSend && (
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Redeliver message ${message.id}`}
                              loading={redeliver.isPending && redeliver.variables?.messageId === message.id}
                              onClick={() => redeliver.mutate({ endpointId: endpoint.id, messageId: message.id }, { onSuccess: () => setNotice(`Message ${message.id} queued again, with the same id.`) })}
                            >
                              Redeliver
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager pages={pages} pageInfo={connection.pageInfo} previousLabel="Newer" nextLabel="Older" />
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
