import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { EndpointAction } from './webhook-endpoint-dialogs';
import type { WebhookEndpoint } from './webhook-endpoint-form';
import { WebhookEndpointStatus } from './webhook-endpoint-status';
import { RowActionButton, type RowActionLook } from './row-action-button';

export type EndpointRowAction = EndpointAction | 'edit';

const ACTIONS: Record<EndpointRowAction, RowActionLook> = {
  edit: { icon: 'edit', label: 'Edit' },
  disable: { icon: 'ban', label: 'Disable', color: 'red' },
  enable: { icon: 'restore', label: 'Enable', color: 'teal' },
  rotate: { icon: 'rotate', label: 'Rotate secret' },
  delete: { icon: 'trash', label: 'Delete', color: 'red' },
};

/** The actions that apply to an endpoint in its state, among those the user may take. */
export function actionsFor(endpoint: WebhookEndpoint, allowed: EndpointRowAction[]): EndpointRowAction[] {
  return allowed.filter((action) => (action === 'disable' ? endpoint.status === 'ENABLED' : action === 'enable' ? endpoint.status === 'DISABLED' : true));
}

interface TableProps {
  endpoints: WebhookEndpoint[];
  actions: EndpointRowAction[];
  onAction(action: EndpointRowAction, endpoint: WebhookEndpoint): void;
}

/** The endpoint list: URL (to its message log), event types, status and the row's actions. */
export function WebhookEndpointTable({ endpoints, actions, onAction }: TableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Webhook endpoints">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Endpoint</Table.Th>
            <Table.Th>Event types</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {endpoints.map((endpoint) => (
            <Table.Tr key={endpoint.id} data-testid={`endpoint-row-${endpoint.url}`}>
              <Table.Td maw={360}>
                <Anchor component={Link} href={`/webhooks/${endpoint.id}`} size="sm" fw={500} className="secret" aria-label={`Messages of ${endpoint.url}`}>
                  {endpoint.url}
                </Anchor>
                {endpoint.description && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {endpoint.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {endpoint.eventTypes.map((type) => (
                    <Badge key={type} variant="light" color="dark" tt="none">
                      {type}
                    </Badge>
                  ))}
                  {endpoint.allowConfidential && (
                    <Badge variant="outline" color="grape" tt="none">
                      confidential included
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <WebhookEndpointStatus endpoint={endpoint} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  {actionsFor(endpoint, actions).map((action) => (
                    <RowActionButton key={action} look={ACTIONS[action]} subject={endpoint.url} onClick={() => onAction(action, endpoint)} />
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Edit, disable, enable and rotate need webhooks.update; delete needs webhooks.delete. */
export function allowedEndpointActions(may: (operation: string) => boolean): EndpointRowAction[] {
  const update: EndpointRowAction[] = may('webhooks.update') ? ['edit', 'disable', 'enable', 'rotate'] : [];
  return may('webhooks.delete') ? [...update, 'delete'] : update;
}
