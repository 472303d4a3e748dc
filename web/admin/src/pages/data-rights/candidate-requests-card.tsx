import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldError, isApiError } from '../../api/api-error';
import { EraseCandidateDataDocument, ExportCandidateDataDocument } from '../../api/data-rights-operations';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { EraseCandidateDataMutation } from '../../gql/graphql';
import { downloadJson } from './download-json';
import { ErasurePreview } from './erasure-preview';

type Erasure = EraseCandidateDataMutation['eraseCandidateData'];

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function erasureSummary(counts: Erasure): string {
  return `Erased ${plural(counts.applications, 'application', 'applications')}, ${plural(counts.files, 'file', 'files')}, ${plural(counts.candidates, 'candidate record', 'candidate records')}; ${plural(counts.auditEventsRedacted, 'audit event', 'audit events')} redacted.`;
}

function exportFilename(email: string): string {
  return `candidate-data-${email.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${new Date().toISOString().slice(0, 10)}.json`;
}

/** A candidate's requests by e-mail: a copy of their data (export) or its erasure; each button only for those allowed. */
export function CandidateRequestsCard({ canErase, canExport }: { canErase: boolean; canExport: boolean }) {
  const erase = useApiMutation(EraseCandidateDataDocument, [['applications'], ['data-rights']]);
  const exporter = useApiMutation(ExportCandidateDataDocument);
  const [email, setEmail] = useState('');
  const [emailProblem, setEmailProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  /** The address to act on, or null after showing why it will not do. */
  const checkedEmail = (): string | null => {
    const trimmed = email.trim();
    const problem = !trimmed ? 'Candidate e-mail is required' : EMAIL_SHAPE.test(trimmed) ? null : 'Candidate e-mail must be an e-mail address';
    setEmailProblem(problem);
    setOutcome(null);
    erase.reset();
    exporter.reset();
    return problem ? null : trimmed;
  };

  const startExport = () => {
    const target = checkedEmail();
    if (!target) return;
    exporter.mutate(
      { email: target },
      {
        onSuccess: (data) => {
          const document = data.exportCandidateData;
          const filename = exportFilename(target);
          downloadJson(document, filename);
          const count = Array.isArray(document.applications) ? document.applications.length : 0;
          setOutcome(`Exported ${plural(count, 'application', 'applications')} to ${filename}. The file links in it expire in 24 hours.`);
        },
      },
    );
  };

  const confirmErase = () => {
    if (!confirming) return;
    erase.mutate(
      { email: confirming },
      {
        onSuccess: (data) => {
          setConfirming(null);
          setOutcome(erasureSummary(data.eraseCandidateData));
        },
      },
    );
  };

  const failure = exporter.error ?? (confirming ? null : erase.error);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h5">
          Candidate requests
        </Title>
        <Text size="sm" c="dimmed">
          Hand a candidate everything held about them, or erase it, by the e-mail address they applied with.
        </Text>
        <TextInput
          label="Candidate e-mail"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={emailProblem ?? fieldError(exporter.error, 'email') ?? fieldError(erase.error, 'email')}
        />
        {failure && !isApiError(failure, 'BAD_USER_INPUT') && (
          <Alert color="red" variant="outline" role="alert">
            {failure instanceof Error ? failure.message : String(failure)}
          </Alert>
        )}
        {outcome && (
          <Alert color="green" variant="outline" role="status">
            {outcome}
          </Alert>
        )}
        <Group justify="flex-end">
          {canExport && (
            <Button variant="default" loading={exporter.isPending} onClick={startExport}>
              Export data
            </Button>
          )}
          {canErase && (
            <Button
              color="red"
              onClick={() => {
                const target = checkedEmail();
                if (target) setConfirming(target);
              }}
            >
              Erase data…
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming !== null}
        title="Erase this candidate's data?"
        confirmLabel="Erase everything"
        danger
        busy={erase.isPending}
        error={confirming && erase.error ? (erase.error instanceof Error ? erase.error.message : String(erase.error)) : null}
        onConfirm={confirmErase}
        onClose={() => {
          setConfirming(null);
          erase.reset();
        }}
      >
        {confirming && <ErasurePreview email={confirming} />}
      </ConfirmDialog>
    </Card>
  );
}
