import { Badge, Group, Text } from '@mantine/core';
import { formatDateTime } from '../format';
import type { WebhookEndpoint } from './webhook-endpoint-form';

/** Set by the API when a person disables an endpoint; any other reason means the delivery system did (410 Gone, or failing for 5 days). */
const DISABLED_BY_HAND = 'disabled by hand';

/** Enabled or disabled, with a flag when the system disabled it or deliveries are failing. */
export function WebhookEndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const automatic = endpoint.status === 'DISABLED' && endpoint.disabledReason && endpoint.disabledReason !== DISABLED_BY_HAND;
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={endpoint.status === 'ENABLED' ? 'teal' : 'gray'} variant="filled">
        {endpoint.status.toLowerCase()}
      </Badge>
      {automatic && (
        <Badge color="red" variant="outline" data-testid="auto-disabled-flag">
          needs attention
        </Badge>
      )}
      {endpoint.status === 'DISABLED' && endpoint.disabledReason && (
        <Text size="xs" c="dimmed" w="100%">
          {automatic ? `Disabled automatically: ${endpoint.disabledReason}` : 'Disabled by hand'}
        </Text>
      )}
      {endpoint.status === 'ENABLED' && endpoint.failingSince && (
        <Text size="xs" c="var(--mantine-color-error)" w="100%">
          Every delivery has failed since {formatDateTime(endpoint.failingSince)}; it is disabled after 5 days.
        </Text>
      )}
    </Group>
  );
}
