import { Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { PostingsKeyDocument, RevealPostingsKeyDocument, RotateCredentialDocument } from '../api/operations';
import { ConfirmDialog } from '../components/confirm-dialog';
import { SecretDialog } from '../components/secret-dialog';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { formatDateTime } from '../format';

const POSTINGS_KEY = ['postings-key'];

/** Lever's postings key: masked, Reveal (audited by the API), Copy, and Reset behind a confirmation. */
export function PostingsKeyCard() {
  const query = useApiQuery(POSTINGS_KEY, PostingsKeyDocument, {});
  const reveal = useApiMutation(RevealPostingsKeyDocument);
  const reset = useApiMutation(RotateCredentialDocument, [POSTINGS_KEY]);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [newSecret, setNewSecret] = useState<string | null>(null);

  if (query.isPending) return <LoadingState label="Loading the postings key…" />;
  if (query.error) return <ErrorState error={query.error} />;
  const key = query.data.postingsApiCredential;
  if (!key) return <EmptyState title="No postings key">The API answered without this organization's postings key.</EmptyState>;
  const doReveal = async () => {
    const data = await reveal.mutateAsync({});
    setRevealed(data.revealPostingsApiKey);
    return data.revealPostingsApiKey;
  };

  return (
    <Card withBorder padding="lg" aria-labelledby="postings-key-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="postings-key-title">
          Postings key
        </Title>
        <Text size="sm" c="dimmed">
          Your career site's backend sends it to the public postings API (POST /public/graphql). Keep it off the browser.
        </Text>
        <Group justify="space-between" wrap="wrap">
          <Text className="secret" data-testid="postings-key" aria-label="Postings key">
            {revealed ?? `${key.secretHint.slice(0, 4)}${'•'.repeat(26)}`}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" loading={reveal.isPending} onClick={() => (revealed ? setRevealed(null) : void doReveal())}>
              {revealed ? 'Hide' : 'Reveal'}
            </Button>
            <CopyButton value={revealed ?? ''}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    if (revealed) copy();
                    else void doReveal().then((secret) => navigator.clipboard.writeText(secret));
                  }}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
            <Button color="red" variant="outline" size="xs" onClick={() => setConfirming(true)}>
              Reset
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          Last used {formatDateTime(key.lastUsedAt, 'never')} · {key.useCount} uses
        </Text>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Reset the postings key?"
        confirmLabel="Reset postings key"
        danger
        busy={reset.isPending}
        error={reset.error?.message}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          reset.mutate(
            { id: key.id, previousSecretTtlSeconds: 0 },
            {
              onSuccess: (data) => {
                setConfirming(false);
                setRevealed(null);
                setNewSecret(data.rotateApiCredential.secret);
              },
            },
          )
        }
      >
        <Text size="sm">
          The current key stops working immediately. Your career site's backend must be updated with the new key, or its job list and application form stop
          working.
        </Text>
      </ConfirmDialog>
      <SecretDialog secret={newSecret} title="New postings key" doneLabel="Done" onDone={() => setNewSecret(null)} />
    </Card>
  );
}
