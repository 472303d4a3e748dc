import { Code, Table, Text } from '@mantine/core';

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function isBeforeAfter(value: unknown): value is { before?: unknown; after?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('before' in value || 'after' in value);
}

/** An audit event's `changes` as a readable before/after table (plain values when there is no "before"). */
export function ChangeDiff({ changes }: { changes: Record<string, unknown> | null | undefined }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Text size="sm">No recorded changes.</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label="Changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([field, value]) => {
          const pair = isBeforeAfter(value) ? value : { before: undefined, after: value };
          return (
            <Table.Tr key={field}>
              <Table.Td>
                <Code>{field}</Code>
              </Table.Td>
              <Table.Td>
                <del>{show(pair.before)}</del>
              </Table.Td>
              <Table.Td>
                <ins>{show(pair.after)}</ins>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
