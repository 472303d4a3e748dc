import { Checkbox, Stack } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { EeoSettingsDocument, UpdateEeoSettingsDocument } from '../api/operations';
import { SettingsCardForm } from '../components/settings-card-form';
import { QueryView } from '../components/states';
import type { EeoQuestion } from '../gql/graphql';

/** The questions in the order the hosted form asks them, with the form's own titles. */
const QUESTIONS: [EeoQuestion, string][] = [
  ['GENDER', 'Gender'],
  ['RACE_ETHNICITY', 'Race / ethnicity'],
  ['VETERAN_STATUS', 'Veteran status'],
  ['DISABILITY', 'Disability status'],
];

/**
 * Which voluntary self-identification questions the apply form asks (none: the section is
 * not shown). Its own form, so saving it never rewrites the other settings with a stale copy.
 */
export function EeoSettingsCard({ readOnly }: { readOnly: boolean }) {
  const query = useApiQuery(['organization', 'eeo'], EeoSettingsDocument, {});
  return (
    <QueryView query={query} select={(data) => data.organization?.settings.eeoQuestions} loadingLabel="Loading EEO settings…">
      {(asked) => <EeoSettingsForm asked={asked} readOnly={readOnly} />}
    </QueryView>
  );
}

function EeoSettingsForm({ asked, readOnly }: { asked: EeoQuestion[]; readOnly: boolean }) {
  const save = useApiMutation(UpdateEeoSettingsDocument, [['organization']]);
  const [questions, setQuestions] = useState<string[]>(asked);
  const [saved, setSaved] = useState(false);
  const submit = () => {
    setSaved(false);
    save.mutate({ input: { eeoQuestions: questions as EeoQuestion[] } }, { onSuccess: () => setSaved(true) });
  };
  return (
    <SettingsCardForm
      title="Equal employment opportunity"
      readOnly={readOnly}
      saving={save.isPending}
      savedText={saved ? 'EEO settings saved.' : null}
      saveLabel="Save EEO settings"
      otherErrors={otherErrors(save.error, ['eeoQuestions'])}
      onSubmit={submit}
    >
      <Checkbox.Group
        label="Voluntary self-identification questions on the apply form"
        description="Optional for candidates. Answers are kept apart from the application, never shown to its reviewers, and reported only in aggregate (EEO report, for roles allowed to read it)."
        value={questions}
        onChange={setQuestions}
        error={fieldError(save.error, 'eeoQuestions')}
      >
        <Stack gap="xs" mt="xs">
          {QUESTIONS.map(([value, label]) => (
            <Checkbox key={value} value={value} label={label} disabled={readOnly} />
          ))}
        </Stack>
      </Checkbox.Group>
    </SettingsCardForm>
  );
}
