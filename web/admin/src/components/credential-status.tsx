import { Badge } from '@mantine/core';
import type { ApiCredentialStatus } from '../gql/graphql';

const COLORS: Record<ApiCredentialStatus, string> = { ACTIVE: 'teal', REVOKED: 'red', EXPIRED: 'gray' };

export function CredentialStatus({ status }: { status: ApiCredentialStatus }) {
  return (
    <Badge color={COLORS[status]} variant="filled">
      {status.toLowerCase()}
    </Badge>
  );
}
