import { List, Stack, Text } from '@mantine/core';
import { DESTINATION_NAMES, STATUS_EXPLANATIONS, STATUS_NAMES, type DistributionEntry } from './distribution-labels';

/** A destination's problems, required ones marked, each on the field that fixes it. */
export function ProblemList({ problems }: { problems: DistributionEntry['problems'] }) {
  return (
    <List size="xs" spacing={2}>
      {problems.map((problem) => (
        <List.Item key={`${problem.field}:${problem.message}`}>
          <Text span size="xs" fw={600}>
            {problem.blocking ? 'Required' : 'Recommended'}
          </Text>{' '}
          ({problem.field}): {problem.message}
        </List.Item>
      ))}
    </List>
  );
}

/** One destination's verdict in words: its status, what that means, then each problem. */
export function DistributionProblems({ entry }: { entry: DistributionEntry }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {DESTINATION_NAMES[entry.destination]}: {STATUS_NAMES[entry.status]}
      </Text>
      <Text size="xs">{STATUS_EXPLANATIONS[entry.status]}</Text>
      {entry.problems.length > 0 && <ProblemList problems={entry.problems} />}
    </Stack>
  );
}
