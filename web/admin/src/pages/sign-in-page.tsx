import { Alert, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError, isApiError } from '../api/api-error';
import { gqlRequest } from '../api/graphql-client';
import { LoginDocument } from '../api/operations';
import { useSession } from '../api/session';

/** What a failed sign-in says, from the API's error code. */
export function signInMessage(error: unknown): string {
  if (isApiError(error, 'RATE_LIMITED')) {
    const wait = error.retryAfterSeconds ? ` Try again in ${Math.ceil(error.retryAfterSeconds / 60)} minute(s).` : '';
    return `Too many sign-in attempts.${wait}`;
  }
  if (isApiError(error, 'UNAUTHENTICATED')) return 'Invalid credentials: check the organization, e-mail and password.';
  if (isApiError(error, 'BAD_USER_INPUT')) return 'Check the highlighted fields.';
  return error instanceof Error ? error.message : String(error);
}

/** Shown in place of any page while signed out; the address bar keeps the page to return to. */
export function SignInPage() {
  const session = useSession();
  const [form, setForm] = useState({ organizationSlug: '', email: '', password: '' });
  const login = useMutation({
    mutationFn: () => gqlRequest(LoginDocument, form),
    onSuccess: (data) => session.signedIn(data.login.user),
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Card withBorder shadow="sm" padding="xl" w={400} maw="100%">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            login.mutate();
          }}
          noValidate
        >
          <Stack>
            <Title order={1} size="h3">
              Sign in to Jobgate
            </Title>
            {session.notice && !login.error && (
              <Alert color="blue" variant="outline" role="status">
                {session.notice}
              </Alert>
            )}
            {login.error && (
              <Alert color="red" variant="outline" role="alert" data-testid="sign-in-error">
                {signInMessage(login.error)}
              </Alert>
            )}
            <TextInput label="Organization" description="Your organization's short name, e.g. acme" required autoComplete="organization" value={form.organizationSlug} onChange={(e) => setForm({ ...form, organizationSlug: e.currentTarget.value })} error={fieldError(login.error, 'organizationSlug')} />
            <TextInput label="E-mail" type="email" required autoComplete="username" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={fieldError(login.error, 'email')} />
            <PasswordInput label="Password" required autoComplete="current-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={fieldError(login.error, 'password')} />
            <Button type="submit" loading={login.isPending}>
              Sign in
            </Button>
            <Text size="xs" c="dimmed">
              You stay signed in across reloads and tabs of this browser until you sign out or the session expires.
            </Text>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
