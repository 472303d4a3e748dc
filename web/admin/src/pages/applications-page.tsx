import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { useApiQuery } from '../api/hooks';
import { ApplicationsDocument, ResumeLinkDocument } from '../api/operations';
import { useSession } from '../api/session';
import { Pager, useCursorPages } from '../components/pager';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { formatDateTime } from '../format';
import { LegalHoldSwitch } from './data-rights/legal-hold-switch';

const PAGE_SIZE = 25;

/**
 * Asks for a fresh signed link (valid 5 minutes) only when the user clicks, then follows it.
 * Without applications.download the API answers FORBIDDEN on that one field, shown in place.
 */
function ResumeButton({ applicationId, filename }: { applicationId: string; filename: string }) {
  const session = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const data = await session.request(ResumeLinkDocument, { id: applicationId });
      const url = data.application?.resume?.downloadUrl;
      if (url) window.location.assign(url);
      else setProblem('You may not download resumes (applications.download).');
    } catch (error) {
      setProblem(isApiError(error) ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={2}>
      <Button size="xs" variant="outline" loading={busy} onClick={() => void download()} aria-label={`Download resume ${filename}`}>
        Resume
      </Button>
      {problem && (
        <Text size="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

/** Applications, newest first, with resume download. */
export function ApplicationsPage() {
  const canHold = useSession().can('applications.hold');
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const pages = useCursorPages();
  const query = useApiQuery(['applications'], ApplicationsDocument, {
    first: PAGE_SIZE,
    after: pages.after,
    filter: applied ? { search: applied } : {},
  });

  return (
    <Stack>
      <PageTitle description="Applications to your postings, newest first.">Applications</PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(search.trim());
          pages.reset();
        }}
      >
        <Group align="flex-end">
          <TextInput label="Search name or e-mail" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Button type="submit" variant="default">
            Search
          </Button>
        </Group>
      </form>
      <QueryView query={query} select={(data) => data.applications} loadingLabel="Loading applications…">
        {(applications) =>
          applications.nodes.length === 0 ? (
            <EmptyState title="No applications yet">They appear here when candidates apply through your career site, hosted board or an integration.</EmptyState>
          ) : (
            <>
              <Text size="sm">{applications.totalCount} applications</Text>
              <Table.ScrollContainer minWidth={760}>
                <Table striped verticalSpacing="xs" aria-label="Applications">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Candidate</Table.Th>
                      <Table.Th>Posting</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Applied</Table.Th>
                      <Table.Th>Resume</Table.Th>
                      {canHold && <Table.Th>Legal hold</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {applications.nodes.map((application) => (
                      <Table.Tr key={application.id} data-testid={`application-row-${application.email}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {application.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {application.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{application.posting?.title ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{application.status.toLowerCase()}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(application.createdAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          {application.resume ? <ResumeButton applicationId={application.id} filename={application.resume.filename} /> : <Text size="sm">none</Text>}
                        </Table.Td>
                        {canHold && (
                          <Table.Td>
                            <LegalHoldSwitch applicationId={application.id} candidate={application.name} held={application.legalHold} />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager pages={pages} pageInfo={applications.pageInfo} />
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
