import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsCardFormProps {
  title: string;
  /** The caller may read but not change these settings: no save button. */
  readOnly: boolean;
  saving: boolean;
  /** Shown as a status next to the button after a save went through. */
  savedText: string | null;
  saveLabel: string;
  /** Errors no field of the card claims (the API's other messages). */
  otherErrors: ReactNode;
  onSubmit: () => void;
  children: ReactNode;
}

/**
 * The frame of a settings card that saves on its own: a form (Enter submits, the browser's
 * own validation off so the API's field errors show), a bordered card with its title, the
 * card's fields, an alert for errors no field claims, and the save button with its status.
 */
export function SettingsCardForm({ title, readOnly, saving, savedText, saveLabel, otherErrors, onSubmit, children }: SettingsCardFormProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <Card withBorder>
        <Stack>
          <Title order={2} size="h5">
            {title}
          </Title>
          {children}
          {otherErrors && (
            <Alert color="red" variant="outline" role="alert">
              {otherErrors}
            </Alert>
          )}
          {!readOnly && (
            <Group justify="flex-end">
              {savedText && (
                <Text size="sm" role="status">
                  {savedText}
                </Text>
              )}
              <Button type="submit" loading={saving}>
                {saveLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </form>
  );
}
