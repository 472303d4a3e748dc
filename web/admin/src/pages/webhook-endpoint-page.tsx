import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useApiQuery } from '../api/hooks';
import { WEBHOOKS_KEY, useWebhookAccess } from '../api/webhook-access';
import { WebhookEndpointDocument } from '../api/webhook-operations';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { WebhookEndpointDialogs, type PendingEndpointAction } from '../components/webhook-endpoint-dialogs';
import { WebhookEndpointForm, type WebhookEndpoint } from '../components/webhook-endpoint-form';
import { WebhookEndpointStatus } from '../components/webhook-endpoint-status';
import { actionsFor, allowedEndpointActions, type EndpointRowAction } from '../components/webhook-endpoint-table';
import { WebhookMessageLog } from '../components/webhook-message-log';
import { formatDateTime } from '../format';

const LABELS: Record<EndpointRowAction, string> = { edit: 'Edit', disable: 'Disable', enable: 'Enable', rotate: 'Rotate secret', delete: 'Delete' };

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function EndpointSummary({ endpoint }: { endpoint: WebhookEndpoint }) {
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Detail label="Status">
          <WebhookEndpointStatus endpoint={endpoint} />
        </Detail>
        <Detail label="Event types">
          <Group gap={4}>
            {endpoint.eventTypes.map((type) => (
              <Badge key={type} variant="light" color="dark" tt="none">
                {type}
              </Badge>
            ))}
          </Group>
        </Detail>
        <Detail label="Confidential postings">
          <Text size="sm">{endpoint.allowConfidential ? 'Included' : 'Not included'}</Text>
        </Detail>
        <Detail label="Previous secret">
          <Text size="sm">{endpoint.previousSecretExpiresAt ? `Also signs until ${formatDateTime(endpoint.previousSecretExpiresAt)}` : 'None'}</Text>
        </Detail>
        {endpoint.description && (
          <Detail label="Description">
            <Text size="sm">{endpoint.description}</Text>
          </Detail>
        )}
        <Detail label="Created">
          <Text size="sm">{formatDateTime(endpoint.createdAt)}</Text>
        </Detail>
      </SimpleGrid>
    </Card>
  );
}

/** One endpoint: its settings and actions, then its message log. */
export function WebhookEndpointPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const access = useWebhookAccess();
  const query = useApiQuery([...WEBHOOKS_KEY, 'endpoint', id], WebhookEndpointDocument, { id });
  const [editing, setEditing] = useState<WebhookEndpoint | null>(null);
  const [pending, setPending] = useState<PendingEndpointAction | null>(null);

  return (
    <Stack>
      <Anchor component={Link} href="/webhooks" size="sm">
        ← All endpoints
      </Anchor>
      <QueryView query={query} select={(data) => data.webhookEndpoint} empty={<EmptyState title="No such endpoint">It may have been deleted.</EmptyState>} loadingLabel="Loading endpoint…">
        {(endpoint) => (
          <Stack>
            <PageTitle description={<span className="secret">{endpoint.url}</span>}>Webhook endpoint</PageTitle>
            <Group gap="xs">
              {actionsFor(endpoint, allowedEndpointActions(access.may)).map((action) => (
                <Button
                  key={action}
                  variant="default"
                  color={action === 'delete' || action === 'disable' ? 'red' : undefined}
                  onClick={() => (action === 'edit' ? setEditing(endpoint) : setPending({ action, endpoint }))}
                >
                  {LABELS[action]}
                </Button>
              ))}
            </Group>
            <EndpointSummary endpoint={endpoint} />
            <Title order={2} size="h4" mt="md">
              Messages
            </Title>
            <WebhookMessageLog endpoint={endpoint} canSend={access.may('webhooks.update')} />
            <WebhookEndpointForm endpoint={editing} opened={editing !== null} onClose={() => setEditing(null)} />
          </Stack>
        )}
      </QueryView>
      <WebhookEndpointDialogs pending={pending} onClose={() => setPending(null)} onDeleted={() => navigate('/webhooks')} />
    </Stack>
  );
}
