import { Stack, Switch, Text } from '@mantine/core';
import { SetLegalHoldDocument } from '../../api/data-rights-operations';
import { useApiMutation } from '../../api/hooks';

/** An application's legal hold (exempt from the retention period), for those with applications.hold. */
export function LegalHoldSwitch({ applicationId, candidate, held }: { applicationId: string; candidate: string; held: boolean }) {
  const save = useApiMutation(SetLegalHoldDocument, [['applications']]);
  const shown = save.isPending && save.variables ? save.variables.hold : held;
  return (
    <Stack gap={2}>
      <Switch
        aria-label={`Legal hold for ${candidate}`}
        checked={shown}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ id: applicationId, hold: e.currentTarget.checked })}
      />
      {save.error && (
        <Text size="xs" c="red" role="alert">
          {save.error instanceof Error ? save.error.message : String(save.error)}
        </Text>
      )}
    </Stack>
  );
}
