import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface SecretDialogProps {
  secret: string | null;
  title: string;
  doneLabel: string;
  onDone(): void;
  /** How the secret is used, under it; an API key's Bearer hint unless given. */
  usage?: ReactNode;
}

/**
 * Shows a new secret exactly once. It lives only in this dialog's props: closing it drops the
 * last reference, and nothing writes it anywhere else.
 */
export function SecretDialog({ secret, title, doneLabel, onDone, usage }: SecretDialogProps) {
  return (
    <Modal
      opened={secret !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={title}
      centered
      size="lg"
    >
      <Stack>
        <Alert color="red" variant="outline" title="Copy it now">
          This secret cannot be shown again. Store it somewhere safe, such as your integration's secret store.
        </Alert>
        <Code block className="secret" data-testid="new-secret" aria-label="New secret">
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="outline" onClick={copy} aria-live="polite">
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone} data-autofocus>
            {doneLabel}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {usage ?? (
            <>
              Send it as <Code>Authorization: Bearer &lt;secret&gt;</Code>, or as the HTTP Basic username with an empty password.
            </>
          )}
        </Text>
      </Stack>
    </Modal>
  );
}
