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

interface ScreenQuery<D> {
  isPending: boolean;
  error: unknown;
  data: D | undefined;
}

/**
 * A screen's data in one place. Admin root fields are nullable: a root refused with FORBIDDEN arrives
 * as an error (the client turns it into ApiError), so the screen shows its FORBIDDEN state; a root that
 * is null without an error shows `empty` instead of crashing.
 */
export function QueryView<D, T>({
  query,
  select,
  loadingLabel,
  empty,
  children,
}: {
  query: ScreenQuery<D>;
  select: (data: D) => T | null | undefined;
  loadingLabel?: string;
  empty?: ReactNode;
  children: (value: T) => ReactNode;
}) {
  if (query.error) return <ErrorState error={query.error} />;
  if (query.isPending || query.data === undefined) return <LoadingState label={loadingLabel} />;
  const value = select(query.data);
  if (value === null || value === undefined) return <>{empty ?? <EmptyState title="Nothing to show">The API answered without data for this screen.</EmptyState>}</>;
  return <>{children(value)}</>;
}
