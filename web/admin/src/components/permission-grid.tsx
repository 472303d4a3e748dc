import { ActionIcon, Checkbox, Code, Fieldset, Group, Popover, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CatalogQuery } from '../gql/graphql';

export type Endpoint = NonNullable<CatalogQuery['apiEndpoints']>[number];
type Operation = Endpoint['operations'][number];

interface PermissionGridProps {
  endpoints: Endpoint[];
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  readOnly?: boolean;
  error?: string;
}

function CallHelp({ operation }: { operation: Operation }) {
  return (
    <Popover width={320} position="top" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`What ${operation.id} allows`}>
          ?
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4}>
          <Code>{operation.call}</Code>
          <Text size="sm">{operation.description}</Text>
          {operation.showsCredentialLogo && <Text size="xs">Objects created this way show the key's name and logo.</Text>}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function AccessColumn({ label, endpoint, operations, selected, onChange, readOnly }: { label: string; endpoint: string; operations: Operation[] } & Omit<PermissionGridProps, 'endpoints' | 'error'>) {
  if (operations.length === 0) return <Text size="sm" c="dimmed">No {label.toLowerCase()} operations</Text>;
  const chosen = operations.filter((op) => selected.has(op.id)).length;
  const setAll = (on: boolean) => {
    const next = new Set(selected);
    for (const op of operations) if (on) next.add(op.id); else next.delete(op.id);
    onChange(next);
  };
  return (
    <Stack gap={6}>
      <Checkbox
        label={<Text fw={600} size="sm">{label}</Text>}
        aria-label={`${endpoint}: all ${label.toLowerCase()}`}
        checked={chosen === operations.length}
        indeterminate={chosen > 0 && chosen < operations.length}
        disabled={readOnly}
        onChange={(event) => setAll(event.currentTarget.checked)}
      />
      {operations.map((op) => (
        <Group key={op.id} gap={4} wrap="nowrap" pl="md">
          <Checkbox
            label={op.action}
            aria-label={op.id}
            checked={selected.has(op.id)}
            disabled={readOnly}
            onChange={(event) => {
              const next = new Set(selected);
              if (event.currentTarget.checked) next.add(op.id); else next.delete(op.id);
              onChange(next);
            }}
          />
          <CallHelp operation={op} />
        </Group>
      ))}
    </Stack>
  );
}

/** Operations grouped by endpoint, with read and write checkboxes and the exact call behind each "?". */
export function PermissionGrid({ endpoints, selected, onChange, readOnly, error }: PermissionGridProps) {
  return (
    <Stack gap="sm">
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {endpoints.map((endpoint) => (
          <Fieldset key={endpoint.name} legend={endpoint.name} aria-label={`${endpoint.name} permissions`}>
            <Text size="xs" c="dimmed" mb="xs">
              {endpoint.description}
            </Text>
            <SimpleGrid cols={2}>
              {(['READ', 'WRITE'] as const).map((access) => (
                <AccessColumn
                  key={access}
                  label={access === 'READ' ? 'Read' : 'Write'}
                  endpoint={endpoint.name}
                  operations={endpoint.operations.filter((op) => op.access === access)}
                  selected={selected}
                  onChange={onChange}
                  readOnly={readOnly}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
