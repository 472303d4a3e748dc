import { Stack, Text, Title } from '@mantine/core';
import { ConfirmDialog } from '../components/confirm-dialog';
import { DESTINATION_NAMES, type DistributionEntry } from '../components/distribution-labels';
import { ProblemList } from '../components/distribution-problems';

interface PublishPostingDialogProps {
  posting: { title: string; distribution: DistributionEntry[] } | null;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}

function problemCounts(entry: DistributionEntry): string {
  const required = entry.problems.filter((p) => p.blocking).length;
  const recommended = entry.problems.length - required;
  const parts = [required && `${required} required`, recommended && `${recommended} recommended`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing missing';
}

/**
 * The publish step: before a posting goes out, what each destination will still lack, so an
 * administrator fixes it first instead of finding out when the job silently does not show up.
 * Destinations turned off are named, not hidden, since their problems matter once they are on.
 */
export function PublishPostingDialog({ posting, busy, error, onConfirm, onClose }: PublishPostingDialogProps) {
  const entries = posting?.distribution ?? [];
  const withProblems = entries.filter((e) => e.problems.length > 0);
  return (
    <ConfirmDialog opened={posting !== null} title={`Publish ${posting?.title ?? ''}`} confirmLabel="Publish" busy={busy} error={error} onConfirm={onConfirm} onClose={onClose}>
      <Stack gap="xs" data-testid="publish-distribution">
        <Text size="sm">{withProblems.length ? 'What each destination will still lack once this posting is public:' : 'Every destination has what it needs.'}</Text>
        {withProblems.map((entry) => (
          <Stack key={entry.destination} gap={2} data-testid={`publish-distribution-${entry.destination}`}>
            <Title order={3} size="h6">
              {DESTINATION_NAMES[entry.destination]}: {problemCounts(entry)}
              {entry.status === 'OFF' ? ' (turned off: not sent)' : ''}
            </Title>
            <ProblemList problems={entry.problems} />
          </Stack>
        ))}
      </Stack>
    </ConfirmDialog>
  );
}
