import { Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { DistributionSettingsDocument, UpdateDistributionSettingsDocument } from '../api/operations';
import { SettingsCardForm } from '../components/settings-card-form';
import { QueryView } from '../components/states';
import type { DistributionSettingsQuery } from '../gql/graphql';

type Settings = NonNullable<DistributionSettingsQuery['organization']>['settings'];

const FIELDS = ['linkedinFeedEnabled', 'linkedinCompanyId', 'submitHostedPages'];

/**
 * Where postings are sent beyond the hosted board: the LinkedIn job feed (with the company id it
 * names) and search-engine notifications for hosted pages. Its own form, so saving it never
 * rewrites the other settings with a stale copy.
 */
export function DistributionSettingsCard({ slug, readOnly }: { slug: string; readOnly: boolean }) {
  const query = useApiQuery(['organization', 'distribution'], DistributionSettingsDocument, {});
  return (
    <QueryView query={query} select={(data) => data.organization?.settings} loadingLabel="Loading distribution settings…">
      {(settings) => <DistributionSettingsForm settings={settings} slug={slug} readOnly={readOnly} />}
    </QueryView>
  );
}

function DistributionSettingsForm({ settings, slug, readOnly }: { settings: Settings; slug: string; readOnly: boolean }) {
  const save = useApiMutation(UpdateDistributionSettingsDocument, [['organization'], ['postings']]);
  const [linkedinFeedEnabled, setLinkedinFeedEnabled] = useState(settings.linkedinFeedEnabled);
  const [linkedinCompanyId, setLinkedinCompanyId] = useState(settings.linkedinCompanyId ?? '');
  const [submitHostedPages, setSubmitHostedPages] = useState(settings.submitHostedPages);
  const [saved, setSaved] = useState(false);
  const hostedPagesElsewhere = !!settings.careersSiteUrl || !settings.careersPageEnabled;

  const submit = () => {
    setSaved(false);
    save.mutate({ input: { linkedinFeedEnabled, linkedinCompanyId: linkedinCompanyId.trim(), submitHostedPages } }, { onSuccess: () => setSaved(true) });
  };

  return (
    <SettingsCardForm
      title="Distribution"
      readOnly={readOnly}
      saving={save.isPending}
      savedText={saved ? 'Distribution settings saved.' : null}
      saveLabel="Save distribution settings"
      otherErrors={otherErrors(save.error, FIELDS)}
      onSubmit={submit}
    >
      <Switch
        label="LinkedIn job feed enabled"
        description={`Serve GET /feeds/${slug}/linkedin.xml, LinkedIn's XML job feed.`}
        checked={linkedinFeedEnabled}
        disabled={readOnly}
        error={fieldError(save.error, 'linkedinFeedEnabled')}
        onChange={(e) => setLinkedinFeedEnabled(e.currentTarget.checked)}
      />
      <TextInput
        label="LinkedIn company id"
        description="The digits of your LinkedIn company page id, written as companyId in the feed; empty clears it."
        value={linkedinCompanyId}
        disabled={readOnly}
        inputMode="numeric"
        error={fieldError(save.error, 'linkedinCompanyId')}
        onChange={(e) => setLinkedinCompanyId(e.currentTarget.value)}
      />
      <Switch
        label="Submit hosted pages to search engines"
        description="Tell Google (Indexing API) and IndexNow when a hosted posting page is published, changed or withdrawn."
        checked={submitHostedPages}
        disabled={readOnly}
        error={fieldError(save.error, 'submitHostedPages')}
        onChange={(e) => setSubmitHostedPages(e.currentTarget.checked)}
      />
      {submitHostedPages && hostedPagesElsewhere && (
        <Text size="xs">
          {settings.careersSiteUrl ? 'Your postings live on your own careers site, so that site submits them, not Jobgate.' : 'Hosted career pages are off, so there is no page to submit.'}
        </Text>
      )}
    </SettingsCardForm>
  );
}
