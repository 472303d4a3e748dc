import { List, Text } from '@mantine/core';
import { CandidateApplicationsDocument } from '../../api/data-rights-operations';
import { useApiQuery } from '../../api/hooks';
import { LoadingState, ErrorState } from '../../components/states';
import { formatDate } from '../../format';

/**
 * What an erasure of `email` will remove, read before the user confirms: the applications
 * with exactly this address (the search is a substring match, so others are dropped here).
 */
export function ErasurePreview({ email }: { email: string }) {
  const query = useApiQuery(['data-rights', 'preview'], CandidateApplicationsDocument, { email });
  if (query.error) return <ErrorState error={query.error} />;
  if (!query.data) return <LoadingState label="Finding this candidate's applications…" />;
  const mine = (query.data.applications?.nodes ?? []).filter((a) => a.email.toLowerCase() === email.toLowerCase());
  if (mine.length === 0) {
    return <Text size="sm">No application with {email} is stored. Erasing removes any remaining audit traces and records a tombstone.</Text>;
  }
  const files = mine.filter((a) => a.resume).length;
  const held = mine.filter((a) => a.legalHold).length;
  return (
    <>
      <Text size="sm" data-testid="erasure-summary">
        {mine.length} {mine.length === 1 ? 'application' : 'applications'} and {files} {files === 1 ? 'resume' : 'resumes'} of {email} will be erased for good, with the personal data in their audit trail.
        {held > 0 ? ` ${held} on legal hold will be erased too.` : ''}
      </Text>
      <List size="sm" aria-label="Applications to erase">
        {mine.map((a) => (
          <List.Item key={a.id}>
            {a.posting?.title ?? 'Unknown posting'}
            {a.posting?.confidential ? ' (confidential)' : ''} · applied {formatDate(a.createdAt)}
            {a.resume ? ` · ${a.resume.filename}` : ''}
          </List.Item>
        ))}
      </List>
      <Text size="sm">This cannot be undone.</Text>
    </>
  );
}
