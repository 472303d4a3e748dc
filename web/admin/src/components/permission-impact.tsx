import { Alert, List, Text } from '@mantine/core';
import type { ImpactFieldsFragment } from '../gql/graphql';
import { formatDateTime } from '../format';

/** What a permission change would do, from the preview: shown before Save so the manager sees the breakage first. */
export function PermissionImpact({ impact }: { impact: ImpactFieldsFragment }) {
  const nothing = impact.removedWhileUsed.length === 0 && impact.removedUnused.length === 0 && impact.added.length === 0 && !impact.confidentialReadsWouldBeHidden;
  return (
    <Alert color={impact.breaks ? 'red' : 'blue'} variant="outline" title={impact.breaks ? 'This change breaks calls the key makes' : 'Impact of this change'} data-testid="permission-impact">
      {nothing && <Text size="sm">No change to what the key can call.</Text>}
      {impact.removedWhileUsed.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Removed while in use (these calls will be refused):
          </Text>
          <List size="sm">
            {impact.removedWhileUsed.map((r) => (
              <List.Item key={r.operation}>
                {r.operation}: {r.allowedCount} calls in the last 90 days, last {formatDateTime(r.lastUsedAt, 'never')}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {impact.removedUnused.length > 0 && <Text size="sm">Removed, unused: {impact.removedUnused.join(', ')}</Text>}
      {impact.added.length > 0 && <Text size="sm">Added: {impact.added.join(', ')}</Text>}
      {impact.confidentialReadsWouldBeHidden && (
        <Text size="sm">Confidential data the key read {impact.confidentialReads} times in the last 90 days would become invisible to it.</Text>
      )}
    </Alert>
  );
}
