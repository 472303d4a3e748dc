import { Avatar, Group, NumberFormatter, Table, Text } from '@mantine/core';
import type { CredentialFieldsFragment } from '../gql/graphql';
import { formatDate, formatDateTime } from '../format';
import { CredentialStatus } from './credential-status';
import { RowActionButton, type RowActionLook } from './row-action-button';

export type Credential = CredentialFieldsFragment;
export type CredentialAction = 'usage' | 'edit' | 'revoke' | 'reenable' | 'rotate' | 'delete';

interface CredentialTableProps {
  credentials: Credential[];
  actions: CredentialAction[];
  onAction(action: CredentialAction, credential: Credential): void;
}

const ICONS: Record<CredentialAction, RowActionLook> = {
  usage: { icon: 'chart', label: 'Usage' },
  edit: { icon: 'edit', label: 'Edit' },
  revoke: { icon: 'ban', label: 'Revoke', color: 'red' },
  reenable: { icon: 'restore', label: 'Re-enable', color: 'teal' },
  rotate: { icon: 'rotate', label: 'Rotate secret' },
  delete: { icon: 'trash', label: 'Delete', color: 'red' },
};

/** The key list: name, hint, creator, dates, uses, status, expiry and the row's actions. */
export function CredentialTable({ credentials, actions, onAction }: CredentialTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="API keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Created by</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Uses</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {credentials.map((key) => (
            <Table.Tr key={key.id} data-testid={`credential-row-${key.name}`}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {key.logoUrl && <Avatar src={key.logoUrl} alt="" size="sm" radius="sm" />}
                  <div>
                    <Text size="sm" fw={500}>
                      {key.name}
                    </Text>
                    {key.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {key.description}
                      </Text>
                    )}
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="secret">
                  {key.secretHint}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{key.createdBy?.name ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(key.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(key.lastUsedAt, 'never')}</Text>
              </Table.Td>
              <Table.Td>
                <NumberFormatter value={key.useCount} thousandSeparator />
              </Table.Td>
              <Table.Td>
                <CredentialStatus status={key.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(key.expiresAt, 'never')}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  {actions
                    .filter((action) => (action === 'revoke' ? key.status !== 'REVOKED' : action === 'reenable' ? key.status === 'REVOKED' : true))
                    .map((action) => (
                      <RowActionButton key={action} look={ICONS[action]} subject={key.name} onClick={() => onAction(action, key)} />
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
