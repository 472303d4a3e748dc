import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { CatalogDocument, CreateCredentialDocument, CredentialsDocument } from '../api/operations';
import { CREDENTIALS_KEY, CredentialActionDialogs, type PendingAction } from '../components/credential-action-dialogs';
import { CredentialTable } from '../components/credential-table';
import { SecretDialog } from '../components/secret-dialog';
import { EmptyState, PageTitle, QueryView } from '../components/states';

const API_TYPES = [
  { value: 'DATA', label: 'Data API (admin GraphQL: users, postings, applications, audit)' },
  { value: 'POSTINGS', label: 'Postings API (public): one per organization, reset it on API credentials', disabled: true },
];

/** Greenhouse's "Create New API key" dialog: API type, Partner, Description, then the secret once. */
function CreateKeyDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [, navigate] = useLocation();
  const catalog = useApiQuery(['catalog'], CatalogDocument, {}, opened);
  const create = useApiMutation(CreateCredentialDocument, [CREDENTIALS_KEY]);
  const [apiType, setApiType] = useState('DATA');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  const partners = catalog.data?.integrationPartners ?? [];
  const partner = partners.find((p) => p.id === partnerId);
  const close = () => {
    create.reset();
    setPartnerId(null);
    setDescription('');
    onClose();
  };
  const submit = () =>
    create.mutate(
      {
        input: {
          // Greenhouse asks for no name; the partner (or the description) names the key.
          name: (partner?.name ?? description.trim().split('\n')[0] ?? '').slice(0, 100) || 'API key',
          description: description.trim() || undefined,
          partnerId: partnerId ?? undefined,
        },
      },
      { onSuccess: (data) => setCreated({ id: data.createApiCredential.credential.id, secret: data.createApiCredential.secret }) },
    );

  return (
    <>
      <Modal opened={opened && !created} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title="Create New API key" centered size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Select label="API type" data={API_TYPES} value={apiType} onChange={(v) => setApiType(v ?? 'DATA')} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
            <Select
              label="Partner"
              placeholder={catalog.isPending ? 'Loading partners…' : 'Custom (choose permissions next)'}
              description={partner ? `${partner.description} Pre-assigns ${partner.operations.length} permissions.` : 'Picking a partner pre-assigns the permissions it needs.'}
              data={partners.map((p) => ({ value: p.id, label: p.name }))}
              value={partnerId}
              onChange={setPartnerId}
              clearable
              clearButtonProps={{ 'aria-label': 'No partner' }}
              error={fieldError(create.error, 'partnerId') ?? (catalog.error ? catalog.error.message : undefined)}
              comboboxProps={{ withinPortal: false }}
            />
            <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(create.error, 'description') ?? fieldError(create.error, 'name')} autosize minRows={2} />
            {otherErrors(create.error, ['partnerId', 'description', 'name']) && (
              <Alert color="red" variant="outline" role="alert">
                {otherErrors(create.error, ['partnerId', 'description', 'name'])}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <SecretDialog
        secret={created?.secret ?? null}
        title="Your new API key"
        doneLabel="I have stored the API key"
        onDone={() => {
          const id = created?.id;
          setCreated(null);
          close();
          if (id) navigate(`/dev-center/${id}/permissions`);
        }}
      />
    </>
  );
}

/** Greenhouse's Dev Center › API Credential Management. */
export function DevCenterPage() {
  const [, navigate] = useLocation();
  const query = useApiQuery(CREDENTIALS_KEY, CredentialsDocument, { first: 100 });
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction | null>(null);

  return (
    <Stack>
      <PageTitle description="Create, edit, revoke and rotate the keys your integrations use.">API Credential Management</PageTitle>
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)}>Create New API key</Button>
      </Group>
      <QueryView query={query} select={(data) => data.apiCredentials} loadingLabel="Loading keys…">
        {(apiCredentials) =>
          apiCredentials.nodes.length === 0 ? (
            <EmptyState title="No API keys yet">Create one for each partner or integration.</EmptyState>
          ) : (
            <CredentialTable
              credentials={apiCredentials.nodes}
              actions={['usage', 'edit', 'revoke', 'reenable', 'rotate']}
              onAction={(action, credential) =>
                action === 'edit' ? navigate(`/dev-center/${credential.id}/permissions`) : action === 'usage' ? navigate(`/dev-center/${credential.id}/usage`) : setPending({ action, credential })
              }
            />
          )
        }
      </QueryView>
      <Text size="xs" c="dimmed">
        Revoked keys fail on their very next request. Rotating issues a new secret; the old one works for the grace period you choose.
      </Text>
      <CreateKeyDialog opened={creating} onClose={() => setCreating(false)} />
      <CredentialActionDialogs pending={pending} onClose={() => setPending(null)} />
    </Stack>
  );
}
