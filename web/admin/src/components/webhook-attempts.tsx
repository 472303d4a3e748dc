import { List, Text } from '@mantine/core';
import { formatDateTime } from '../format';
import type { WebhookMessagesQuery } from '../gql/graphql';

type Attempt = WebhookMessagesQuery['webhookMessages']['nodes'][number]['attempts'][number];

/** Enough of the receiver's answer to tell what went wrong; the API keeps the first kilobyte. */
const EXCERPT_CHARS = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** Each attempt: when, the status code (or that none came), how long it took, and the error or the answer's start. */
export function WebhookAttempts({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <Text size="sm">No attempt yet</Text>;
  return (
    <List size="sm" spacing={4} listStyleType="none" aria-label="Attempts">
      {attempts.map((attempt) => (
        <List.Item key={attempt.at}>
          <Text size="sm" span fw={500}>
            {attempt.statusCode ?? 'no answer'}
          </Text>{' '}
          <Text size="sm" span>
            in {attempt.durationMs} ms, {formatDateTime(attempt.at)}
          </Text>
          {attempt.error && (
            <Text size="xs" c="var(--mantine-color-error)">
              {excerpt(attempt.error)}
            </Text>
          )}
          {attempt.responseExcerpt && (
            <Text size="xs" c="dimmed" className="secret" title={attempt.responseExcerpt}>
              {excerpt(attempt.responseExcerpt)}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
