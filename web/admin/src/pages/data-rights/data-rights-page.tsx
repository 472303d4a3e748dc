import { Alert, Stack } from '@mantine/core';
import { DataRightsDocument } from '../../api/data-rights-operations';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../api/session';
import { EmptyState, PageTitle, QueryView } from '../../components/states';
import { CandidateRequestsCard } from './candidate-requests-card';
import { PrivacyNoticeCard } from './privacy-notice-card';
import { RetentionCard } from './retention-card';

/** Candidate data rights: how long applications are kept, the privacy notice, and a candidate's export or erasure. */
export function DataRightsPage() {
  const session = useSession();
  const query = useApiQuery(['data-rights'], DataRightsDocument, {});
  // Retention and notices are organization settings: only a Super Admin changes them (as on the settings screen).
  const superAdmin = session.user?.role === 'SUPER_ADMIN';
  const canErase = session.can('applications.erase');
  const canExport = session.can('applications.export');
  return (
    <Stack>
      <PageTitle description="Keep candidates' data only as long as promised, and answer their requests.">Data rights</PageTitle>
      {(canErase || canExport) && <CandidateRequestsCard canErase={canErase} canExport={canExport} />}
      <QueryView
        query={query}
        select={(data) => data.organization && { settings: data.organization.settings, notices: data.privacyNotices ?? [] }}
        empty={<EmptyState title="No organization">The API answered without your organization's settings.</EmptyState>}
      >
        {({ settings, notices }) => (
          <>
            {!superAdmin && (
              <Alert color="blue" variant="outline">
                Only a Super Admin can change retention or publish a privacy notice.
              </Alert>
            )}
            <RetentionCard applicationRetentionDays={settings.applicationRetentionDays ?? null} consentedRetentionDays={settings.consentedRetentionDays ?? null} readOnly={!superAdmin} />
            <PrivacyNoticeCard notices={notices} canPublish={superAdmin} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
