import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../api/hooks';
import { DeleteCredentialDocument, ReenableCredentialDocument, RevokeCredentialDocument, RotateCredentialDocument } from '../api/operations';
import { ConfirmDialog } from './confirm-dialog';
import type { Credential, CredentialAction } from './credential-table';
import { SecretDialog } from './secret-dialog';

export const CREDENTIALS_KEY = ['credentials'];

/** Grace periods for the old secret after a rotation (the API allows 0 to 7 days). */
export const GRACE_PERIODS = [
  { value: '0', label: 'None: the old secret stops working now' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '24 hours' },
  { value: '259200', label: '3 days' },
  { value: '604800', label: '7 days (longest)' },
];

export interface PendingAction {
  action: Exclude<CredentialAction, 'edit' | 'usage'>;
  credential: Credential;
}

/** Revoke, re-enable, delete and rotate, each behind its own confirmation. */
export function CredentialActionDialogs({ pending, onClose }: { pending: PendingAction | null; onClose(): void }) {
  const revoke = useApiMutation(RevokeCredentialDocument, [CREDENTIALS_KEY]);
  const reenable = useApiMutation(ReenableCredentialDocument, [CREDENTIALS_KEY]);
  const remove = useApiMutation(DeleteCredentialDocument, [CREDENTIALS_KEY]);
  const rotate = useApiMutation(RotateCredentialDocument, [CREDENTIALS_KEY]);
  const [grace, setGrace] = useState('3600');
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    for (const m of [revoke, reenable, remove, rotate]) m.reset();
    onClose();
  };
  const key = pending?.credential;
  const name = key?.name ?? '';
  const errorOf = (e: unknown) => (e instanceof Error ? e.message : null);

  return (
    <>
      <ConfirmDialog
        opened={pending?.action === 'revoke'}
        title={`Revoke ${name}?`}
        confirmLabel="Revoke key"
        danger
        busy={revoke.isPending}
        error={errorOf(revoke.error)}
        onClose={close}
        onConfirm={() => key && revoke.mutate({ id: key.id }, { onSuccess: close })}
      >
        <Text size="sm">Every request with this key fails from the next one on, on every instance. You can re-enable it later.</Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.action === 'reenable'}
        title={`Re-enable ${name}?`}
        confirmLabel="Re-enable key"
        busy={reenable.isPending}
        error={errorOf(reenable.error)}
        onClose={close}
        onConfirm={() => key && reenable.mutate({ id: key.id }, { onSuccess: close })}
      >
        <Text size="sm">The key's secret works again, with the permissions it had.</Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.action === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete key"
        danger
        busy={remove.isPending}
        error={errorOf(remove.error)}
        onClose={close}
        onConfirm={() => key && remove.mutate({ id: key.id }, { onSuccess: close })}
      >
        <Text size="sm">This is permanent: integrations using the key stop working and it cannot be restored.</Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.action === 'rotate' && secret === null}
        title={`Rotate ${name}?`}
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        error={errorOf(rotate.error)}
        onClose={close}
        onConfirm={() =>
          key &&
          rotate.mutate(
            { id: key.id, previousSecretTtlSeconds: Number(grace) },
            { onSuccess: (data) => setSecret(data.rotateApiCredential.secret) },
          )
        }
      >
        <Text size="sm">A new secret is issued. Choose how long the current one keeps working so integrations can switch over.</Text>
        <Select label="Grace period for the old secret" data={GRACE_PERIODS} value={grace} onChange={(v) => setGrace(v ?? '0')} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
      </ConfirmDialog>
      <SecretDialog
        secret={secret}
        title={`New secret for ${name}`}
        doneLabel="Done"
        onDone={() => {
          setSecret(null);
          close();
        }}
      />
    </>
  );
}
