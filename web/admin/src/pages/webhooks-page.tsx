import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../api/hooks';
import { WEBHOOKS_KEY, useWebhookAccess } from '../api/webhook-access';
import { WebhookEndpointsDocument } from '../api/webhook-operations';
import { Pager, useCursorPages } from '../components/pager';
import { SecretDialog } from '../components/secret-dialog';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { WEBHOOK_SECRET_USAGE, WebhookEndpointDialogs, type PendingEndpointAction } from '../components/webhook-endpoint-dialogs';
import { WebhookEndpointForm, type WebhookEndpoint } from '../components/webhook-endpoint-form';
import { WebhookEndpointTable, allowedEndpointActions } from '../components/webhook-endpoint-table';

const PAGE_SIZE = 20;

/** Webhook endpoints: add, edit, disable and enable, rotate, delete; each links to its message log. */
export function WebhooksPage() {
  const access = useWebhookAccess();
  const pages = useCursorPages();
  const query = useApiQuery([...WEBHOOKS_KEY, 'endpoints'], WebhookEndpointsDocument, { first: PAGE_SIZE, after: pages.after });
  // null: closed; 'new': adding; an endpoint: editing it.
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [pending, setPending] = useState<PendingEndpointAction | null>(null);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);

  return (
    <Stack>
      <PageTitle description="Jobgate POSTs signed events (Standard Webhooks) to these URLs as postings, applications and keys change.">Webhooks</PageTitle>
      {access.may('webhooks.create') && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>Add endpoint</Button>
        </Group>
      )}
      <QueryView query={query} select={(data) => data.webhookEndpoints} loadingLabel="Loading endpoints…">
        {(connection) =>
          connection.nodes.length === 0 ? (
            <EmptyState title="No endpoints yet">Add one to have events pushed to your ATS, HRIS or job board instead of polling.</EmptyState>
          ) : (
            <Stack>
              <Text size="sm" c="dimmed">
                {connection.totalCount === 1 ? '1 endpoint' : `${connection.totalCount} endpoints`}
              </Text>
              <WebhookEndpointTable
                endpoints={connection.nodes}
                actions={allowedEndpointActions(access.may)}
                onAction={(action, endpoint) => (action === 'edit' ? setEditing(endpoint) : setPending({ action, endpoint }))}
              />
              <Pager pages={pages} pageInfo={connection.pageInfo} />
            </Stack>
          )
        }
      </QueryView>
      <WebhookEndpointForm
        endpoint={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        onCreated={(secret, endpoint) => setCreated({ secret, url: endpoint.url })}
      />
      <WebhookEndpointDialogs pending={pending} onClose={() => setPending(null)} />
      <SecretDialog secret={created?.secret ?? null} title={`Signing secret for ${created?.url ?? ''}`} doneLabel="Done" usage={WEBHOOK_SECRET_USAGE} onDone={() => setCreated(null)} />
    </Stack>
  );
}
