import { Alert, Anchor, Button, Card, FileInput, Group, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { CatalogDocument, CreateCredentialDocument, OrganizationDocument } from '../api/operations';
import { useSession } from '../api/session';
import { CREDENTIALS_KEY } from '../components/credential-action-dialogs';
import { logoProblem } from '../components/logo-rule';
import { PermissionGrid } from '../components/permission-grid';
import { SecretDialog } from '../components/secret-dialog';
import { EmptyState, ErrorState, LoadingState, PageTitle } from '../components/states';

const FIELDS = ['name', 'operations', 'presetIds', 'allowConfidential', 'allowedCidrs', 'expiresAt', 'logoUploadId'];

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Lever's "Generate New Key" editor. */
export function KeyEditorPage() {
  const [, navigate] = useLocation();
  const session = useSession();
  const catalog = useApiQuery(['catalog'], CatalogDocument, {});
  const organization = useApiQuery(['organization'], OrganizationDocument, {});
  const create = useApiMutation(CreateCredentialDocument, [CREDENTIALS_KEY]);

  const [name, setName] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allowConfidential, setAllowConfidential] = useState(false);
  const [logo, setLogo] = useState<File | null>(null);
  const [expiresOn, setExpiresOn] = useState<string | null>(null);
  const [cidrs, setCidrs] = useState('');
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  if (catalog.isPending) return <LoadingState label="Loading permissions…" />;
  if (catalog.error) return <ErrorState error={catalog.error} />;
  const endpoints = catalog.data.apiEndpoints;
  if (!endpoints) return <EmptyState title="No permission catalog">The API answered without its list of operations.</EmptyState>;
  const presets = catalog.data.permissionPresets ?? [];

  const maxDays = organization.data?.organization?.settings.maxCredentialLifetimeDays ?? null;
  const latest = maxDays ? isoDate(new Date(Date.now() + maxDays * 86_400_000)) : undefined;
  const expiry = expiresOn ?? latest ?? '';
  const localLogoError = logoProblem(logo);
  const error = uploadError ?? create.error;

  const submit = async () => {
    setUploadError(null);
    create.reset();
    if (localLogoError) return;
    let logoUploadId: string | undefined;
    if (logo) {
      setUploading(true);
      try {
        logoUploadId = (await session.upload(logo, 'LOGO')).id;
      } catch (e) {
        setUploadError(e);
        return;
      } finally {
        setUploading(false);
      }
    }
    const allowedCidrs = cidrs.split(/[\s,]+/).filter(Boolean);
    create.mutate(
      {
        input: {
          name: name.trim(),
          operations: [...selected],
          allowConfidential,
          allowedCidrs,
          // The key works through the whole chosen day (UTC).
          expiresAt: expiry ? `${expiry}T23:59:59.000Z` : undefined,
          logoUploadId,
        },
      },
      { onSuccess: (data) => setSecret(data.createApiCredential.secret) },
    );
  };

  return (
    <Stack>
      <Anchor component={Link} href="/credentials" size="sm">
        ← API credentials
      </Anchor>
      <PageTitle description="Grant only what the integration needs. The secret is shown once, when you generate the key.">Generate New Key</PageTitle>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h5">
                Presets
              </Title>
              <Group gap="xs">
                {presets.map((preset) => (
                  <Button
                    key={preset.id}
                    variant="outline"
                    size="xs"
                    title={preset.description}
                    onClick={() => setSelected(new Set([...selected, ...preset.operations]))}
                  >
                    {preset.name}
                  </Button>
                ))}
                <Button variant="subtle" color="gray" size="xs" onClick={() => setSelected(new Set())}>
                  Clear all
                </Button>
              </Group>
            </Stack>
          </Card>
          <Title order={2} size="h5">
            Permissions ({selected.size} selected)
          </Title>
          <PermissionGrid endpoints={endpoints} selected={selected} onChange={setSelected} error={fieldError(error, 'operations') ?? fieldError(error, 'presetIds')} />
          <Card withBorder>
            <Stack>
              <Switch
                label="Allow access to confidential data"
                description="Off: confidential postings and their applications do not exist for this key."
                checked={allowConfidential}
                onChange={(event) => setAllowConfidential(event.currentTarget.checked)}
                error={fieldError(error, 'allowConfidential')}
              />
              <TextInput label="Key name" description="Shown on every object the key creates." required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(error, 'name')} maxLength={100} />
              <FileInput
                label="Logo (optional)"
                description="A PNG under 500 KB, shown next to what the key creates."
                accept="image/png"
                clearable
                clearButtonProps={{ 'aria-label': 'Remove logo' }}
                value={logo}
                onChange={setLogo}
                error={localLogoError ?? fieldError(error, 'logoUploadId')}
              />
              <TextInput
                type="date"
                label="Expires on"
                description={maxDays ? `Your organization's policy: keys expire within ${maxDays} days (by ${latest}).` : 'Optional. Your organization sets no lifetime limit.'}
                required={Boolean(maxDays)}
                min={isoDate(new Date())}
                max={latest}
                value={expiry}
                onChange={(e) => setExpiresOn(e.currentTarget.value)}
                error={fieldError(error, 'expiresAt')}
              />
              <Textarea
                label="IP allowlist"
                description="One CIDR per line, e.g. 203.0.113.0/24. Empty allows any address."
                autosize
                minRows={2}
                value={cidrs}
                onChange={(e) => setCidrs(e.currentTarget.value)}
                error={fieldError(error, 'allowedCidrs')}
              />
            </Stack>
          </Card>
          {otherErrors(error, FIELDS) && (
            <Alert color="red" variant="outline" role="alert">
              {otherErrors(error, FIELDS)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/credentials')}>
              Cancel
            </Button>
            <Button type="submit" loading={uploading || create.isPending}>
              Generate key
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            The secret is shown once, right after you generate the key.
          </Text>
        </Stack>
      </form>
      <SecretDialog
        secret={secret}
        title={`Your new key: ${name}`}
        doneLabel="Done"
        onDone={() => {
          setSecret(null);
          navigate('/credentials');
        }}
      />
    </Stack>
  );
}
