import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import type { WebhookEventTypesQuery } from '../gql/graphql';

type EventType = WebhookEventTypesQuery['webhookEventTypes'][number];

const GROUP_LABELS: Record<string, string> = { postings: 'Postings', applications: 'Applications', credentials: 'API credentials' };

interface PickerProps {
  types: EventType[];
  selected: string[];
  onChange(selected: string[]): void;
  /** Whether the user holds `permission`: a type it does not hold cannot be picked (the ceiling rule). */
  holds(permission: string): boolean;
  error?: string;
}

/** Event types grouped by family, each with the permission a subscriber must hold. */
export function WebhookEventTypePicker({ types, selected, onChange, holds, error }: PickerProps) {
  const groups = [...new Set(types.map((type) => type.group))];
  const toggle = (name: string, on: boolean) => onChange(on ? [...selected, name] : selected.filter((n) => n !== name));
  return (
    <Stack gap="xs">
      {groups.map((group) => (
        <Fieldset key={group} legend={GROUP_LABELS[group] ?? group} variant="filled">
          <Stack gap="xs">
            {types
              .filter((type) => type.group === group)
              .map((type) => {
                const held = holds(type.permission);
                return (
                  <Checkbox
                    key={type.name}
                    label={type.name}
                    description={`${type.description} Needs ${type.permission}${held ? '.' : ', which you do not hold.'}`}
                    checked={selected.includes(type.name)}
                    disabled={!held}
                    onChange={(e) => toggle(type.name, e.currentTarget.checked)}
                  />
                );
              })}
          </Stack>
        </Fieldset>
      ))}
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
