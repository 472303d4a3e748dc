import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label}</Text>
      </Stack>
    </Center>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap={4}>
        <Text fw={600}>{title}</Text>
        {children && <Text size="sm" c="dimmed">{children}</Text>}
      </Stack>
    </Center>
  );
}

/** What a screen shows when its query fails: FORBIDDEN gets its own state, not a crash. */
export function ErrorState({ error }: { error: unknown }) {
  if (isApiError(error, 'FORBIDDEN')) {
    return (
      <Alert color="grape" variant="outline" title="You don't have access to this screen" data-testid="forbidden">
        <Text size="sm">The API refused with FORBIDDEN: {error.message}</Text>
        <Text size="sm">Ask a Super Admin for the permission if you need it.</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="outline" title="Something went wrong" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

export function PageTitle({ children, description }: { children: ReactNode; description?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      <Title order={1} size="h2">
        {children}
      </Title>
      {description && <Text c="dimmed" size="sm">{description}</Text>}
    </Stack>
  );
}
