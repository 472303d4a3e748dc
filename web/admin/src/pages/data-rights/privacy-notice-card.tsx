import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../../api/api-error';
import { PublishPrivacyNoticeDocument } from '../../api/data-rights-operations';
import { useApiMutation } from '../../api/hooks';
import type { DataRightsQuery } from '../../gql/graphql';
import { formatDateTime } from '../../format';

type Notice = NonNullable<DataRightsQuery['privacyNotices']>[number];

const MAX_TEXT_LENGTH = 20_000;
const FIELDS = ['text', 'url'];

function textProblem(text: string): string | undefined {
  if (!text.trim()) return 'Notice text is required';
  return text.length > MAX_TEXT_LENGTH ? `Notice text must be at most ${MAX_TEXT_LENGTH} characters (now ${text.length})` : undefined;
}

function urlProblem(url: string): string | undefined {
  return url.trim() === '' || /^https?:\/\/\S+$/i.test(url.trim()) ? undefined : 'Policy URL must be an http(s) link';
}

/** Publishing a new version starts from the current text, since most versions are edits of the last. */
function PublishForm({ current, onPublished }: { current: Notice | undefined; onPublished(version: number): void }) {
  const publish = useApiMutation(PublishPrivacyNoticeDocument, [['data-rights']]);
  const [text, setText] = useState(current?.text ?? '');
  const [url, setUrl] = useState(current?.url ?? '');
  const [checked, setChecked] = useState(false);
  const problems = checked ? { text: textProblem(text), url: urlProblem(url) } : {};

  const submit = () => {
    setChecked(true);
    if (textProblem(text) || urlProblem(url)) return;
    publish.mutate({ input: { text: text.trim(), url: url.trim() || null } }, { onSuccess: (data) => onPublished(data.publishPrivacyNotice.version) });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack>
        <Textarea
          label="Notice text"
          description={`Plain text shown on the apply form (at most ${MAX_TEXT_LENGTH} characters).`}
          value={text}
          autosize
          minRows={4}
          maxRows={14}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problems.text ?? fieldError(publish.error, 'text')}
        />
        <TextInput label="Policy URL" description="Optional link to the full policy (http or https)." value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={problems.url ?? fieldError(publish.error, 'url')} />
        {otherErrors(publish.error, FIELDS) && (
          <Alert color="red" variant="outline" role="alert">
            {otherErrors(publish.error, FIELDS)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={publish.isPending}>
            Publish version {(current?.version ?? 0) + 1}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VersionTable({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No notice published yet: applications record no consent version until one is.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label="Privacy notice versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Published</Table.Th>
            <Table.Th>Text</Table.Th>
            <Table.Th>Policy</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notices.map((notice, index) => (
            <Table.Tr key={notice.version} data-testid={`notice-version-${notice.version}`}>
              <Table.Td>
                <Text size="sm">
                  {notice.version}
                  {index === 0 ? ' (current)' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(notice.publishedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
                  {notice.text}
                </Text>
              </Table.Td>
              <Table.Td>
                {notice.url ? (
                  <Anchor size="sm" href={notice.url} target="_blank" rel="noreferrer">
                    {notice.url}
                  </Anchor>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The privacy notice candidates accept by applying: each publish is a new version; past versions stay readable. */
export function PrivacyNoticeCard({ notices, canPublish }: { notices: Notice[]; canPublish: boolean }) {
  const [published, setPublished] = useState<number | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h5">
          Privacy notice
        </Title>
        <Text size="sm" c="dimmed">
          Each application records the version the candidate accepted. Versions are never changed, only superseded.
        </Text>
        {/* Remounted per version, so the form starts again from the newest text after a publish. */}
        {canPublish && <PublishForm key={notices[0]?.version ?? 0} current={notices[0]} onPublished={setPublished} />}
        {published !== null && (
          <Text size="sm" role="status">
            Version {published} published.
          </Text>
        )}
        <Title order={3} size="h6">
          Versions
        </Title>
        <VersionTable notices={notices} />
      </Stack>
    </Card>
  );
}
