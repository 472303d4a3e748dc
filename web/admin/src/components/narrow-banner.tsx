import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { NarrowCredentialDocument, SuggestPermissionsDocument } from '../api/operations';
import { CREDENTIALS_KEY } from './credential-action-dialogs';
import { ConfirmDialog } from './confirm-dialog';
import { PermissionImpact } from './permission-impact';

interface NarrowBannerProps {
  credentialId: string;
  usedCount: number;
  grantedCount: number;
}

/** "This key uses N of its M permissions": one confirmed action narrows the key to what it used in the window. */
export function NarrowBanner({ credentialId, usedCount, grantedCount }: NarrowBannerProps) {
  const [open, setOpen] = useState(false);
  // The suggestion is asked for only when the dialog opens, so its impactHash is as fresh as possible.
  const suggestion = useApiQuery([...CREDENTIALS_KEY, 'suggest'], SuggestPermissionsDocument, { id: credentialId }, open);
  const narrow = useApiMutation(NarrowCredentialDocument, [CREDENTIALS_KEY]);
  const [done, setDone] = useState<string[] | null>(null);
  const suggested = suggestion.data?.suggestApiCredentialPermissions;
  const confirm = () => {
    if (!suggested) return;
    narrow.mutate(
      { id: credentialId, expectedImpactHash: suggested.impact.impactHash },
      {
        onSuccess: () => {
          setDone(suggested.dropped);
          setOpen(false);
        },
        // Usage moved on between the suggestion and the click: show the new suggestion.
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) void suggestion.refetch();
        },
      },
    );
  };
  const error = narrow.error
    ? isApiError(narrow.error, 'CONFLICT')
      ? 'Usage changed since the suggestion — review again.'
      : narrow.error.message
    : suggestion.error instanceof Error
      ? suggestion.error.message
      : null;

  return (
    <>
      {done && (
        <Text size="sm" role="status">
          Narrowed: removed {done.length} unused permissions.
        </Text>
      )}
      {usedCount < grantedCount && (
        <Alert color="yellow" variant="outline" data-testid="narrow-banner">
          <Group justify="space-between">
            <Text size="sm">
              This key uses {usedCount} of its {grantedCount} permissions — narrow it to what it uses.
            </Text>
            <Button
              size="xs"
              onClick={() => {
                narrow.reset();
                setOpen(true);
              }}
            >
              Narrow it
            </Button>
          </Group>
        </Alert>
      )}
      <ConfirmDialog opened={open} title="Narrow this key?" confirmLabel="Narrow key" busy={narrow.isPending || suggestion.isFetching} error={error} onConfirm={confirm} onClose={() => setOpen(false)}>
        {!suggested ? (
          <Text size="sm">Working out the smallest grant…</Text>
        ) : (
          <>
            <Text size="sm">Keeps the {suggested.operations.length} permissions the key used in the last 90 days and removes these:</Text>
            <List size="sm" data-testid="narrow-dropped">
              {suggested.dropped.map((op) => (
                <List.Item key={op}>{op}</List.Item>
              ))}
            </List>
            {suggested.impact.breaks && <PermissionImpact impact={suggested.impact} />}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
