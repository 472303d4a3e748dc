import { Badge, NumberFormatter, Table, Text } from '@mantine/core';
import type { CredentialUsageQuery } from '../gql/graphql';
import { formatDateTime } from '../format';
import { daysSince, Sparkline } from './sparkline';

export type CredentialUsage = CredentialUsageQuery['apiCredentialUsage'];

/** Per operation: allowed and refused calls in the window, the permission a refused call lacked, last use and a daily sparkline. */
export function UsageTable({ usage }: { usage: CredentialUsage }) {
  const days = daysSince(usage.since);
  // Used operations first, then refused ones, then granted-but-unused (all zeros).
  const rows = [...usage.operations].sort((a, b) => b.allowedCount - a.allowedCount || b.refusedCount - a.refusedCount || a.operation.localeCompare(b.operation));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-label="Usage per operation">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Operation</Table.Th>
            <Table.Th>Granted</Table.Th>
            <Table.Th>Allowed</Table.Th>
            <Table.Th>Refused</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Daily calls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const byDay = new Map(row.daily.map((d) => [d.day, d]));
            return (
              <Table.Tr key={row.operation} data-testid={`usage-row-${row.operation}`}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.operation}
                  </Text>
                </Table.Td>
                <Table.Td>{row.granted ? <Badge variant="light">granted</Badge> : <Badge variant="outline" color="gray">not granted</Badge>}</Table.Td>
                <Table.Td data-testid="allowed-count">
                  <NumberFormatter value={row.allowedCount} thousandSeparator />
                </Table.Td>
                <Table.Td data-testid="refused-count">
                  <NumberFormatter value={row.refusedCount} thousandSeparator />
                  {row.refusedCount > 0 && row.missingPermission && (
                    <Text size="xs" c="red.8">
                      needs {row.missingPermission}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(row.lastUsedAt, 'never')}</Text>
                </Table.Td>
                <Table.Td>
                  <Sparkline
                    allowed={days.map((d) => byDay.get(d)?.allowed ?? 0)}
                    refused={days.map((d) => byDay.get(d)?.refused ?? 0)}
                    label={`${row.operation}: ${row.allowedCount} allowed and ${row.refusedCount} refused calls since ${days[0]}`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
