import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useApiQuery } from '../api/hooks';
import { CredentialsDocument } from '../api/operations';
import { CREDENTIALS_KEY, CredentialActionDialogs, type PendingAction } from '../components/credential-action-dialogs';
import { CredentialTable } from '../components/credential-table';
import { ExpiringKeysBanner } from '../components/expiring-keys-banner';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { PostingsKeyCard } from './postings-key-card';

/** Lever's Settings › Integrations and API › API Credentials. */
export function CredentialsPage() {
  const [, navigate] = useLocation();
  const query = useApiQuery(CREDENTIALS_KEY, CredentialsDocument, { first: 100 });
  const [pending, setPending] = useState<PendingAction | null>(null);

  return (
    <Stack>
      <PageTitle description="Keys for your career site and for integrations that call the admin API.">API credentials</PageTitle>
      <ExpiringKeysBanner keys={query.data?.apiCredentials?.nodes ?? []} />
      <PostingsKeyCard />
      <Group justify="space-between" mt="md">
        <Title order={2} size="h4">
          Data API keys
        </Title>
        <Button onClick={() => navigate('/credentials/new')}>Generate New Key</Button>
      </Group>
      <QueryView query={query} select={(data) => data.apiCredentials} loadingLabel="Loading keys…">
        {(apiCredentials) =>
          apiCredentials.nodes.length === 0 ? (
            <EmptyState title="No API keys yet">Generate one for each integration, with only the permissions it needs.</EmptyState>
          ) : (
            <CredentialTable
              credentials={apiCredentials.nodes}
              actions={['usage', 'delete']}
              onAction={(action, credential) =>
                action === 'usage' ? navigate(`/dev-center/${credential.id}/usage`) : action !== 'edit' && setPending({ action, credential })
              }
            />
          )
        }
      </QueryView>
      <CredentialActionDialogs pending={pending} onClose={() => setPending(null)} />
    </Stack>
  );
}
