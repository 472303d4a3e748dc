import { Alert, Anchor, Button, Card, Group, NumberInput, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { OrganizationDocument, UpdateOrganizationSettingsDocument } from '../api/operations';
import { useSession } from '../api/session';
import { ErrorState, LoadingState, PageTitle } from '../components/states';

interface Draft {
  allowedOrigins: string[];
  feedEnabled: boolean;
  careersSiteUrl: string;
  lockCredentialPermissions: boolean;
  maxCredentialLifetimeDays: number | '';
}
const FIELDS = ['allowedOrigins', 'feedEnabled', 'careersSiteUrl', 'lockCredentialPermissions', 'maxCredentialLifetimeDays', 'clearMaxCredentialLifetime'];

/** Organization settings (Super Admins edit; others with organization.read see them read-only). */
export function SettingsPage() {
  const session = useSession();
  const query = useApiQuery(['organization'], OrganizationDocument, {});
  const save = useApiMutation(UpdateOrganizationSettingsDocument, [['organization']]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const settings = query.data?.organization.settings;
  useEffect(() => {
    if (settings && draft === null) {
      setDraft({
        allowedOrigins: settings.allowedOrigins,
        feedEnabled: settings.feedEnabled,
        careersSiteUrl: settings.careersSiteUrl ?? '',
        lockCredentialPermissions: settings.lockCredentialPermissions,
        maxCredentialLifetimeDays: settings.maxCredentialLifetimeDays ?? '',
      });
    }
  }, [settings, draft]);

  if (query.isPending || (query.data && !draft)) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} />;
  if (!draft) return null;
  const org = query.data.organization;
  const readOnly = session.user?.role !== 'SUPER_ADMIN';
  const origin = window.location.origin;
  const submit = () => {
    setSaved(false);
    save.mutate(
      {
        input: {
          allowedOrigins: draft.allowedOrigins,
          feedEnabled: draft.feedEnabled,
          careersSiteUrl: draft.careersSiteUrl.trim(),
          lockCredentialPermissions: draft.lockCredentialPermissions,
          ...(draft.maxCredentialLifetimeDays === '' ? { clearMaxCredentialLifetime: true } : { maxCredentialLifetimeDays: draft.maxCredentialLifetimeDays }),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Stack>
      <PageTitle description={`${org.name} · ${org.slug} · plan ${org.plan}`}>Organization settings</PageTitle>
      <Card withBorder>
        <Stack gap={4}>
          <Title order={2} size="h5">
            Your public job pages
          </Title>
          <Text size="sm">
            Hosted job board:{' '}
            <Anchor href={`${origin}/jobs/${org.slug}`} target="_blank" rel="noreferrer">
              {origin}/jobs/{org.slug}
            </Anchor>
          </Text>
          <Text size="sm">
            XML job feed (Indeed format):{' '}
            <Anchor href={`${origin}/feeds/${org.slug}.xml`} target="_blank" rel="noreferrer">
              {origin}/feeds/{org.slug}.xml
            </Anchor>
          </Text>
        </Stack>
      </Card>
      {readOnly && (
        <Alert color="blue" variant="outline">
          Only a Super Admin can change these settings.
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Card withBorder>
          <Stack>
            <TagsInput
              label="Allowed origins"
              description="Origins allowed to call the public API from a browser (CORS), e.g. https://careers.example.com. Press Enter after each."
              value={draft.allowedOrigins}
              onChange={(allowedOrigins) => setDraft({ ...draft, allowedOrigins })}
              disabled={readOnly}
              error={fieldError(save.error, 'allowedOrigins')}
              clearable
              clearButtonProps={{ 'aria-label': 'Remove all origins' }}
            />
            <Switch label="Job feed enabled" description="Serve GET /feeds/<slug>.xml to job boards." checked={draft.feedEnabled} disabled={readOnly} onChange={(e) => setDraft({ ...draft, feedEnabled: e.currentTarget.checked })} error={fieldError(save.error, 'feedEnabled')} />
            <TextInput label="Careers site URL" description="Your own career site, if you have one; empty clears it." value={draft.careersSiteUrl} disabled={readOnly} onChange={(e) => setDraft({ ...draft, careersSiteUrl: e.currentTarget.value })} error={fieldError(save.error, 'careersSiteUrl')} />
            <Switch
              label="Lock API key permissions"
              description="Lever's rule: a key's permissions cannot change after creation; delete and re-create it instead."
              checked={draft.lockCredentialPermissions}
              disabled={readOnly}
              onChange={(e) => setDraft({ ...draft, lockCredentialPermissions: e.currentTarget.checked })}
              error={fieldError(save.error, 'lockCredentialPermissions')}
            />
            <NumberInput
              label="Maximum API key lifetime (days)"
              description="1 to 3650. Empty means keys may never expire."
              value={draft.maxCredentialLifetimeDays}
              disabled={readOnly}
              allowDecimal={false}
              onChange={(v) => setDraft({ ...draft, maxCredentialLifetimeDays: v === '' ? '' : Number(v) })}
              error={fieldError(save.error, 'maxCredentialLifetimeDays') ?? fieldError(save.error, 'clearMaxCredentialLifetime')}
            />
            <Text size="xs" c="dimmed">
              The organization logo and intro for the hosted job board are not in this API version yet.
            </Text>
            {otherErrors(save.error, FIELDS) && (
              <Alert color="red" variant="outline" role="alert">
                {otherErrors(save.error, FIELDS)}
              </Alert>
            )}
            {!readOnly && (
              <Group justify="flex-end">
                {saved && (
                  <Text size="sm" role="status">
                    Settings saved.
                  </Text>
                )}
                <Button type="submit" loading={save.isPending}>
                  Save settings
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      </form>
    </Stack>
  );
}
