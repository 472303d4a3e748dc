import { Alert, List, Text } from '@mantine/core';
import { formatDateTime } from '../format';

/** The credential.expiring webhook fires 7 days ahead; the console warns over the same window. */
const EXPIRING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

interface ExpiringKey {
  id: string;
  name: string;
  status: string;
  expiresAt?: string | null;
}

export function expiringKeys<K extends ExpiringKey>(keys: K[], now = Date.now()): K[] {
  return keys.filter((key) => {
    if (key.status !== 'ACTIVE' || !key.expiresAt) return false;
    const left = new Date(key.expiresAt).getTime() - now;
    return left > 0 && left <= EXPIRING_WINDOW_MS;
  });
}

/** "These keys expire within 7 days": an administrator learns it here, before the integration breaks. */
export function ExpiringKeysBanner({ keys }: { keys: ExpiringKey[] }) {
  const expiring = expiringKeys(keys);
  if (expiring.length === 0) return null;
  return (
    <Alert color="yellow" variant="outline" data-testid="expiring-keys-banner">
      <Text size="sm" fw={600}>
        {expiring.length === 1 ? '1 key expires within 7 days' : `${expiring.length} keys expire within 7 days`}
      </Text>
      <Text size="sm">Issue a replacement and switch the integration over before it stops working.</Text>
      <List size="sm" mt="xs">
        {expiring.map((key) => (
          <List.Item key={key.id}>
            {key.name}: expires {formatDateTime(key.expiresAt)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
