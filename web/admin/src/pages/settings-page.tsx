import { Alert, Anchor, Card, NumberInput, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { OrganizationDocument, UpdateOrganizationSettingsDocument } from '../api/operations';
import { useSession } from '../api/session';
import { SettingsCardForm } from '../components/settings-card-form';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import type { OrganizationQuery } from '../gql/graphql';
import { DistributionSettingsCard } from './distribution-settings-card';
import { EeoSettingsCard } from './eeo-settings-card';
import { OrganizationLogoCard } from './organization-logo-card';

type Organization = NonNullable<OrganizationQuery['organization']>;
type Settings = Organization['settings'];

const MAX_INTRO_LENGTH = 1000;

interface Draft {
  allowedOrigins: string[];
  feedEnabled: boolean;
  careersSiteUrl: string;
  careersPageEnabled: boolean;
  intro: string;
  leverApiEnabled: boolean;
  greenhouseApiEnabled: boolean;
  lockCredentialPermissions: boolean;
  maxCredentialLifetimeDays: number | '';
}
const FIELDS = [
  'allowedOrigins',
  'feedEnabled',
  'careersSiteUrl',
  'careersPageEnabled',
  'intro',
  'leverApiEnabled',
  'greenhouseApiEnabled',
  'lockCredentialPermissions',
  'maxCredentialLifetimeDays',
  'clearMaxCredentialLifetime',
];

function draftOf(settings: Settings): Draft {
  return {
    allowedOrigins: settings.allowedOrigins,
    feedEnabled: settings.feedEnabled,
    careersSiteUrl: settings.careersSiteUrl ?? '',
    careersPageEnabled: settings.careersPageEnabled,
    intro: settings.intro ?? '',
    leverApiEnabled: settings.leverApiEnabled,
    greenhouseApiEnabled: settings.greenhouseApiEnabled,
    lockCredentialPermissions: settings.lockCredentialPermissions,
    maxCredentialLifetimeDays: settings.maxCredentialLifetimeDays ?? '',
  };
}

/** Organization settings (Super Admins edit; others with organization.read see them read-only). */
export function SettingsPage() {
  const query = useApiQuery(['organization'], OrganizationDocument, {});
  return (
    <QueryView
      query={query}
      select={(data) => data.organization}
      empty={<EmptyState title="No organization">The API answered without your organization's settings.</EmptyState>}
    >
      {(organization) => <SettingsScreen organization={organization} />}
    </QueryView>
  );
}

function PublicLinks({ slug }: { slug: string }) {
  const origin = window.location.origin;
  const links = [
    { label: 'Hosted job board', path: `/jobs/${slug}` },
    { label: 'XML job feed (Indeed format)', path: `/feeds/${slug}.xml` },
    { label: 'LinkedIn job feed', path: `/feeds/${slug}/linkedin.xml` },
    { label: 'Lever-compatible Postings API', path: `/v0/postings/${slug}` },
    { label: 'Greenhouse-compatible Job Board API', path: `/v1/boards/${slug}/jobs` },
  ];
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Title order={2} size="h5">
          Your public job pages
        </Title>
        {links.map((link) => (
          <Text size="sm" key={link.path}>
            {link.label}:{' '}
            <Anchor href={`${origin}${link.path}`} target="_blank" rel="noreferrer">
              {origin}
              {link.path}
            </Anchor>
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          Each answers only while its switch below is on.
        </Text>
      </Stack>
    </Card>
  );
}

function SettingsScreen({ organization }: { organization: Organization }) {
  const session = useSession();
  const save = useApiMutation(UpdateOrganizationSettingsDocument, [['organization']]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(organization.settings));
  const [saved, setSaved] = useState(false);
  const readOnly = session.user?.role !== 'SUPER_ADMIN';
  const submit = () => {
    setSaved(false);
    save.mutate(
      {
        input: {
          allowedOrigins: draft.allowedOrigins,
          feedEnabled: draft.feedEnabled,
          careersSiteUrl: draft.careersSiteUrl.trim(),
          careersPageEnabled: draft.careersPageEnabled,
          intro: draft.intro.trim(),
          leverApiEnabled: draft.leverApiEnabled,
          greenhouseApiEnabled: draft.greenhouseApiEnabled,
          lockCredentialPermissions: draft.lockCredentialPermissions,
          ...(draft.maxCredentialLifetimeDays === '' ? { clearMaxCredentialLifetime: true } : { maxCredentialLifetimeDays: draft.maxCredentialLifetimeDays }),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  const toggle = (key: 'feedEnabled' | 'careersPageEnabled' | 'leverApiEnabled' | 'greenhouseApiEnabled' | 'lockCredentialPermissions') => ({
    checked: draft[key],
    disabled: readOnly,
    error: fieldError(save.error, key),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.currentTarget.checked }),
  });

  return (
    <Stack>
      <PageTitle description={`${organization.name} · ${organization.slug} · plan ${organization.plan}`}>Organization settings</PageTitle>
      <PublicLinks slug={organization.slug} />
      {readOnly && (
        <Alert color="blue" variant="outline">
          Only a Super Admin can change these settings.
        </Alert>
      )}
      <OrganizationLogoCard slug={organization.slug} name={organization.name} logoFileId={organization.settings.logoFileId} readOnly={readOnly} />
      <SettingsCardForm
        title="Career pages and feeds"
        readOnly={readOnly}
        saving={save.isPending}
        savedText={saved ? 'Settings saved.' : null}
        saveLabel="Save settings"
        otherErrors={otherErrors(save.error, FIELDS)}
        onSubmit={submit}
      >
        <Switch label="Hosted career pages enabled" description="Serve the job board at /jobs/<slug> with its posting pages and apply form." {...toggle('careersPageEnabled')} />
        <Textarea
          label="Intro"
          description={`A short plain-text introduction at the top of the hosted job board (at most ${MAX_INTRO_LENGTH} characters); empty clears it.`}
          value={draft.intro}
          disabled={readOnly}
          autosize
          minRows={2}
          onChange={(e) => setDraft({ ...draft, intro: e.currentTarget.value })}
          error={fieldError(save.error, 'intro') ?? (draft.intro.length > MAX_INTRO_LENGTH ? `At most ${MAX_INTRO_LENGTH} characters (now ${draft.intro.length})` : undefined)}
        />
        <Switch label="Job feed enabled" description="Serve GET /feeds/<slug>.xml to job boards." {...toggle('feedEnabled')} />
        <Switch label="Lever-compatible Postings API" description="Serve GET /v0/postings/<slug> for career sites built on Lever's API." {...toggle('leverApiEnabled')} />
        <Switch label="Greenhouse-compatible Job Board API" description="Serve GET /v1/boards/<slug>/jobs for career sites built on Greenhouse's API." {...toggle('greenhouseApiEnabled')} />
        <TextInput label="Careers site URL" description="Your own career site, if you have one; empty clears it." value={draft.careersSiteUrl} disabled={readOnly} onChange={(e) => setDraft({ ...draft, careersSiteUrl: e.currentTarget.value })} error={fieldError(save.error, 'careersSiteUrl')} />
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
        <Title order={2} size="h5" mt="sm">
          API keys
        </Title>
        <Switch label="Lock API key permissions" description="Lever's rule: a key's permissions cannot change after creation; delete and re-create it instead." {...toggle('lockCredentialPermissions')} />
        <NumberInput
          label="Maximum API key lifetime (days)"
          description="1 to 3650. Empty means keys may never expire."
          value={draft.maxCredentialLifetimeDays}
          disabled={readOnly}
          allowDecimal={false}
          onChange={(v) => setDraft({ ...draft, maxCredentialLifetimeDays: v === '' ? '' : Number(v) })}
          error={fieldError(save.error, 'maxCredentialLifetimeDays') ?? fieldError(save.error, 'clearMaxCredentialLifetime')}
        />
      </SettingsCardForm>
      <DistributionSettingsCard slug={organization.slug} readOnly={readOnly} />
      <EeoSettingsCard readOnly={readOnly} />
    </Stack>
  );
}
