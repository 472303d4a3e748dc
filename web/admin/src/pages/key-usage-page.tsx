import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { useApiQuery } from '../api/hooks';
import { CredentialUsageDocument } from '../api/operations';
import { CREDENTIALS_KEY } from '../components/credential-action-dialogs';
import { CredentialStatus } from '../components/credential-status';
import { NarrowBanner } from '../components/narrow-banner';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { UsageTable } from '../components/usage-table';
import { formatDate, formatDateTime } from '../format';

/** What one key really calls over the last 90 days, and the one-click narrowing to that. */
export function KeyUsagePage({ id }: { id: string }) {
  const query = useApiQuery([...CREDENTIALS_KEY, 'usage'], CredentialUsageDocument, { id });
  return (
    <Stack>
      <Anchor component={Link} href="/dev-center" size="sm">
        ← API Credential Management
      </Anchor>
      <QueryView
        query={query}
        select={(data) => (data.apiCredential ? { key: data.apiCredential, usage: data.apiCredentialUsage } : null)}
        empty={<EmptyState title="This key does not exist">It may have been deleted.</EmptyState>}
      >
        {({ key, usage }) => (
          <>
            <PageTitle description={<>Key {key.secretHint} · calls since {formatDate(usage.since)}</>}>Key usage: {key.name}</PageTitle>
            <Group>
              <CredentialStatus status={key.status} />
              <Anchor component={Link} href={`/dev-center/${key.id}/permissions`} size="sm">
                Manage permissions
              </Anchor>
            </Group>
            {key.status !== 'REVOKED' && <NarrowBanner credentialId={key.id} usedCount={usage.usedCount} grantedCount={usage.grantedCount} />}
            {usage.confidentialReads > 0 && (
              <Text size="sm">
                Read confidential data {usage.confidentialReads} times, last {formatDateTime(usage.lastConfidentialReadAt)}.
              </Text>
            )}
            <UsageTable usage={usage} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
