import { Code, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../api/hooks';
import { WEBHOOKS_KEY } from '../api/webhook-access';
import { DeleteWebhookEndpointDocument, DisableWebhookEndpointDocument, EnableWebhookEndpointDocument, RotateWebhookEndpointSecretDocument } from '../api/webhook-operations';
import { ConfirmDialog } from './confirm-dialog';
import { GRACE_PERIODS } from './credential-action-dialogs';
import { SecretDialog } from './secret-dialog';
import type { WebhookEndpoint } from './webhook-endpoint-form';

export type EndpointAction = 'disable' | 'enable' | 'rotate' | 'delete';

export interface PendingEndpointAction {
  action: EndpointAction;
  endpoint: WebhookEndpoint;
}

/** How a receiver uses a webhook secret (the secret dialog's hint). */
export const WEBHOOK_SECRET_USAGE = (
  <>
    Verify each delivery's <Code>webhook-signature</Code> header with it, for example with the <Code>standardwebhooks</Code> package.
  </>
);

/** Disable, enable, rotate and delete, each behind its own confirmation; `onDeleted` leaves a page that shows the endpoint. */
export function WebhookEndpointDialogs({ pending, onClose, onDeleted }: { pending: PendingEndpointAction | null; onClose(): void; onDeleted?(): void }) {
  const disable = useApiMutation(DisableWebhookEndpointDocument, [WEBHOOKS_KEY]);
  const enable = useApiMutation(EnableWebhookEndpointDocument, [WEBHOOKS_KEY]);
  const remove = useApiMutation(DeleteWebhookEndpointDocument, [WEBHOOKS_KEY]);
  const rotate = useApiMutation(RotateWebhookEndpointSecretDocument, [WEBHOOKS_KEY]);
  const [grace, setGrace] = useState('86400');
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    for (const m of [disable, enable, remove, rotate]) m.reset();
    onClose();
  };
  const endpoint = pending?.endpoint;
  const url = endpoint?.url ?? '';
  const errorOf = (e: unknown) => (e instanceof Error ? e.message : null);

  return (
    <>
      <ConfirmDialog
        opened={pending?.action === 'disable'}
        title="Disable this endpoint?"
        confirmLabel="Disable endpoint"
        danger
        busy={disable.isPending}
        error={errorOf(disable.error)}
        onClose={close}
        onConfirm={() => endpoint && disable.mutate({ id: endpoint.id }, { onSuccess: close })}
      >
        <Text size="sm">
          Nothing is sent to <Code>{url}</Code> until you enable it again. Events in the meantime are not queued for it.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.action === 'enable'}
        title="Enable this endpoint?"
        confirmLabel="Enable endpoint"
        busy={enable.isPending}
        error={errorOf(enable.error)}
        onClose={close}
        onConfirm={() => endpoint && enable.mutate({ id: endpoint.id }, { onSuccess: close })}
      >
        <Text size="sm">
          New events are delivered to <Code>{url}</Code> again.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.action === 'delete'}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        danger
        busy={remove.isPending}
        error={errorOf(remove.error)}
        onClose={close}
        onConfirm={() =>
          endpoint &&
          remove.mutate(
            { id: endpoint.id },
            {
              onSuccess: () => {
                close();
                onDeleted?.();
              },
            },
          )
        }
      >
        <Text size="sm">
          This is permanent: <Code>{url}</Code> receives nothing more, and its message log is deleted with it.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.action === 'rotate' && secret === null}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        error={errorOf(rotate.error)}
        onClose={close}
        onConfirm={() =>
          endpoint &&
          rotate.mutate({ id: endpoint.id, previousSecretTtlSeconds: Number(grace) }, { onSuccess: (data) => setSecret(data.rotateWebhookEndpointSecret.secret) })
        }
      >
        <Text size="sm">A new secret signs every delivery. During the grace period deliveries carry both signatures, so the receiver can switch over.</Text>
        <Select label="Grace period for the previous secret" data={GRACE_PERIODS} value={grace} onChange={(v) => setGrace(v ?? '0')} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
      </ConfirmDialog>
      <SecretDialog
        secret={secret}
        title="New signing secret"
        doneLabel="Done"
        usage={WEBHOOK_SECRET_USAGE}
        onDone={() => {
          setSecret(null);
          close();
        }}
      />
    </>
  );
}
