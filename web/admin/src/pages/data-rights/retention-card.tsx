import { NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../../api/api-error';
import { UpdateRetentionDocument } from '../../api/data-rights-operations';
import { useApiMutation } from '../../api/hooks';
import { SettingsCardForm } from '../../components/settings-card-form';
import { retentionInput, validateRetention, type RetentionDraft } from './retention-draft';

const FIELDS = ['applicationRetentionDays', 'consentedRetentionDays', 'clearApplicationRetention'];

interface RetentionCardProps {
  applicationRetentionDays: number | null;
  consentedRetentionDays: number | null;
  readOnly: boolean;
}

/** How long applications are kept: days for everyone, and longer for candidates who consented to it. */
export function RetentionCard({ applicationRetentionDays, consentedRetentionDays, readOnly }: RetentionCardProps) {
  const save = useApiMutation(UpdateRetentionDocument, [['organization'], ['data-rights']]);
  const [draft, setDraft] = useState<RetentionDraft>({ days: applicationRetentionDays ?? '', consentedDays: consentedRetentionDays ?? '' });
  const [problems, setProblems] = useState<Partial<Record<keyof RetentionDraft, string>>>({});
  const [saved, setSaved] = useState(false);

  const submit = () => {
    setSaved(false);
    const found = validateRetention(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ input: retentionInput(draft, consentedRetentionDays) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <SettingsCardForm
      title="Retention"
      readOnly={readOnly}
      saving={save.isPending}
      savedText={saved ? 'Retention saved.' : null}
      saveLabel="Save retention"
      otherErrors={otherErrors(save.error, FIELDS)}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        Applications past their period are erased every night with their files, unless on legal hold. Empty keeps them until erased.
      </Text>
      <NumberInput
        label="Days to keep applications"
        description="1 to 3650, counted from the day of the application."
        value={draft.days}
        disabled={readOnly}
        allowDecimal={false}
        onChange={(v) => setDraft({ ...draft, days: v === '' ? '' : Number(v) })}
        error={problems.days ?? fieldError(save.error, 'applicationRetentionDays') ?? fieldError(save.error, 'clearApplicationRetention')}
      />
      <NumberInput
        label="Days to keep with consent to longer storage"
        description="1 to 3650, at least the days above; for candidates who agreed to longer storage. Empty: the same as above."
        value={draft.consentedDays}
        disabled={readOnly}
        allowDecimal={false}
        onChange={(v) => setDraft({ ...draft, consentedDays: v === '' ? '' : Number(v) })}
        error={problems.consentedDays ?? fieldError(save.error, 'consentedRetentionDays')}
      />
    </SettingsCardForm>
  );
}
