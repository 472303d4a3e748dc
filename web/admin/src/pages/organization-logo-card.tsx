import { Alert, Button, Card, FileInput, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation } from '../api/hooks';
import { SetOrganizationLogoDocument } from '../api/operations';
import { useSession } from '../api/session';
import { logoProblem } from '../components/logo-rule';

interface OrganizationLogoCardProps {
  slug: string;
  name: string;
  logoFileId: string | null | undefined;
  readOnly: boolean;
}

/**
 * The hosted career pages' logo: checked here (PNG under 500 KB), staged with POST /uploads
 * (purpose LOGO, checked again by the server), then attached with setOrganizationLogo.
 */
export function OrganizationLogoCard({ slug, name, logoFileId, readOnly }: OrganizationLogoCardProps) {
  const session = useSession();
  const setLogo = useApiMutation(SetOrganizationLogoDocument, [['organization']]);
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const localError = logoProblem(file);
  const error = uploadError ?? setLogo.error;
  const fieldMessage = localError ?? fieldError(error, 'logoUploadId') ?? fieldError(error, 'uploadId');

  const upload = async () => {
    setUploadError(null);
    setDone(null);
    setLogo.reset();
    if (!file || localError) return;
    setUploading(true);
    try {
      const staged = await session.upload(file, 'LOGO');
      await setLogo.mutateAsync({ uploadId: staged.id });
      setFile(null);
      setDone('Logo saved.');
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(false);
    }
  };
  const remove = () => {
    setUploadError(null);
    setDone(null);
    setLogo.mutate({ uploadId: null }, { onSuccess: () => setDone('Logo removed.') });
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h5">
          Organization logo
        </Title>
        {logoFileId ? (
          // The version in the query string makes the browser fetch a replaced logo at once.
          <Image src={`/jobs/${encodeURIComponent(slug)}/logo.png?v=${encodeURIComponent(logoFileId)}`} alt={`${name} logo`} h={48} w="auto" fit="contain" style={{ alignSelf: 'flex-start' }} data-testid="organization-logo" />
        ) : (
          <Text size="sm" c="dimmed">
            No logo yet: the hosted job board shows your organization's name.
          </Text>
        )}
        {!readOnly && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void upload();
            }}
            noValidate
          >
            <Stack gap="xs">
              <FileInput
                label="New logo"
                description="PNG under 500 KB, shown on the hosted career pages."
                accept="image/png"
                value={file}
                onChange={(next) => {
                  setFile(next);
                  setDone(null);
                }}
                clearable
                clearButtonProps={{ 'aria-label': 'Clear the chosen logo' }}
                error={fieldMessage}
              />
              {otherErrors(error, ['logoUploadId', 'uploadId']) && (
                <Alert color="red" variant="outline" role="alert">
                  {otherErrors(error, ['logoUploadId', 'uploadId'])}
                </Alert>
              )}
              <Group justify="flex-end">
                {done && (
                  <Text size="sm" role="status">
                    {done}
                  </Text>
                )}
                {logoFileId && (
                  <Button variant="default" color="red" onClick={remove} loading={setLogo.isPending && !uploading}>
                    Remove logo
                  </Button>
                )}
                <Button type="submit" disabled={!file} loading={uploading}>
                  Upload logo
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
