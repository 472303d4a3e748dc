import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { fieldError, isApiError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { CatalogDocument, CredentialDocument, PreviewPermissionsDocument, UpdateCredentialDocument } from '../api/operations';
import { CREDENTIALS_KEY } from '../components/credential-action-dialogs';
import { CredentialStatus } from '../components/credential-status';
import { PermissionGrid } from '../components/permission-grid';
import { PermissionImpact } from '../components/permission-impact';
import { EmptyState, ErrorState, LoadingState, PageTitle } from '../components/states';

/** Greenhouse's Manage Permissions page (also the edit icon's target): description and permissions, with Save. */
export function ManagePermissionsPage({ id }: { id: string }) {
  const catalog = useApiQuery(['catalog'], CatalogDocument, {});
  const query = useApiQuery([...CREDENTIALS_KEY, 'one'], CredentialDocument, { id });
  const update = useApiMutation(UpdateCredentialDocument, [CREDENTIALS_KEY]);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [description, setDescription] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const key = query.data?.apiCredential;
  useEffect(() => {
    if (key && selected === null) setSelected(new Set(key.operations));
  }, [key, selected]);
  const locked = query.data?.organization?.settings.lockCredentialPermissions ?? false;
  const chosen = [...(selected ?? [])].sort();
  const changed = key !== undefined && key !== null && selected !== null && (chosen.length !== key.operations.length || chosen.some((op) => !key.operations.includes(op)));
  // The impact of the grant on screen, asked again whenever it changes; Save sends the hash of what is shown.
  const preview = useApiQuery(
    [...CREDENTIALS_KEY, 'preview'],
    PreviewPermissionsDocument,
    { id, operations: chosen, fullAccess: key?.fullAccess ?? false, allowConfidential: key?.allowConfidential ?? false },
    changed && !locked,
  );
  const impact = changed && !locked ? preview.data?.previewApiCredentialPermissions : undefined;

  if (catalog.isPending || query.isPending) return <LoadingState />;
  if (catalog.error || query.error) return <ErrorState error={catalog.error ?? query.error} />;
  if (!key) return <EmptyState title="This key does not exist">It may have been deleted.</EmptyState>;
  const endpoints = catalog.data.apiEndpoints;
  if (!endpoints) return <EmptyState title="No permission catalog">The API answered without its list of operations.</EmptyState>;
  // Unknown policy (no organization in the answer): the API still refuses a locked change, and the form shows that error.
  const current = selected ?? new Set(key.operations);
  const previewPending = changed && !locked && (preview.isFetching || !impact);
  const save = () => {
    setSaved(false);
    const text = description ?? key.description ?? '';
    update.mutate(
      locked || !changed ? { id, input: { description: text } } : { id, input: { description: text, operations: chosen }, expectedImpactHash: impact?.impactHash },
      {
        onSuccess: () => setSaved(true),
        // Usage moved on since the preview: show the new impact before the manager saves again.
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) void preview.refetch();
        },
      },
    );
  };
  const conflict = isApiError(update.error, 'CONFLICT');

  return (
    <Stack>
      <Anchor component={Link} href="/dev-center" size="sm">
        ← API Credential Management
      </Anchor>
      <PageTitle description={<>Key {key.secretHint} · {key.partner ? `partner: ${key.partner}` : 'custom'}</>}>Manage Permissions: {key.name}</PageTitle>
      <Group>
        <CredentialStatus status={key.status} />
        <Anchor component={Link} href={`/dev-center/${key.id}/usage`} size="sm">
          Usage
        </Anchor>
        {key.fullAccess && <Text size="sm">Full access (every operation that existed when the key was created)</Text>}
      </Group>
      {locked && (
        <Alert color="blue" variant="outline" title="Permissions are locked" data-testid="permissions-locked">
          Your organization locks API key permissions: they cannot change after a key is created. Create a new key with the permissions you need and delete
          this one. You can still edit the description.
        </Alert>
      )}
      <Textarea label="Description" value={description ?? key.description ?? ''} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(update.error, 'description')} autosize minRows={2} />
      <PermissionGrid endpoints={endpoints} selected={current} onChange={setSelected} readOnly={locked} error={fieldError(update.error, 'operations')} />
      {impact && <PermissionImpact impact={impact} />}
      {preview.error instanceof Error && changed && (
        <Alert color="red" variant="outline" role="alert">
          Could not preview this change: {preview.error.message}
        </Alert>
      )}
      {conflict && (
        <Alert color="orange" variant="outline" role="alert" data-testid="impact-conflict">
          Usage changed since the preview — review again. The impact above is up to date.
        </Alert>
      )}
      {!conflict && otherErrors(update.error, ['description', 'operations']) && (
        <Alert color="red" variant="outline" role="alert">
          {otherErrors(update.error, ['description', 'operations'])}
        </Alert>
      )}
      <Group justify="flex-end">
        {saved && (
          <Text size="sm" role="status">
            Saved. Changes apply from the key's next request.
          </Text>
        )}
        <Button onClick={save} loading={update.isPending} disabled={previewPending}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
