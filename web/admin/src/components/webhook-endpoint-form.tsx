import { Alert, Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { WEBHOOKS_KEY, useWebhookAccess } from '../api/webhook-access';
import { CreateWebhookEndpointDocument, UpdateWebhookEndpointDocument, WebhookEventTypesDocument } from '../api/webhook-operations';
import type { WebhookEndpointFieldsFragment } from '../gql/graphql';
import { LoadingState } from './states';
import { WebhookEventTypePicker } from './webhook-event-type-picker';

export type WebhookEndpoint = WebhookEndpointFieldsFragment;

interface FormProps {
  /** The endpoint to edit, or null to create one. */
  endpoint: WebhookEndpoint | null;
  opened: boolean;
  onClose(): void;
  /** After a create: the secret, shown once by the caller. */
  onCreated?(secret: string, endpoint: WebhookEndpoint): void;
}

const FIELDS = ['url', 'description', 'eventTypes', 'allowConfidential'];

interface Values {
  url: string;
  description: string;
  eventTypes: string[];
  allowConfidential: boolean;
}

function valuesOf(endpoint: WebhookEndpoint | null): Values {
  return { url: endpoint?.url ?? '', description: endpoint?.description ?? '', eventTypes: endpoint?.eventTypes ?? [], allowConfidential: endpoint?.allowConfidential ?? false };
}

/** Create or edit an endpoint; the API's refusals show next to their fields. */
export function WebhookEndpointForm({ endpoint, opened, onClose, onCreated }: FormProps) {
  const access = useWebhookAccess();
  const types = useApiQuery([...WEBHOOKS_KEY, 'event-types'], WebhookEventTypesDocument, {}, opened);
  const create = useApiMutation(CreateWebhookEndpointDocument, [WEBHOOKS_KEY]);
  const update = useApiMutation(UpdateWebhookEndpointDocument, [WEBHOOKS_KEY]);
  const mutation = endpoint ? update : create;
  const [values, setValues] = useState<Values>(() => valuesOf(endpoint));
  const [shownFor, setShownFor] = useState<WebhookEndpoint | null>(endpoint);
  // A different endpoint (or a fresh create) starts from its own values.
  if (shownFor !== endpoint) {
    setShownFor(endpoint);
    setValues(valuesOf(endpoint));
  }

  const close = () => {
    create.reset();
    update.reset();
    setValues(valuesOf(endpoint));
    onClose();
  };
  const submit = () => {
    const input = { url: values.url.trim(), description: values.description.trim() || null, eventTypes: values.eventTypes, allowConfidential: values.allowConfidential };
    if (endpoint) update.mutate({ id: endpoint.id, input }, { onSuccess: close });
    else
      create.mutate(
        { input },
        {
          onSuccess: (data) => {
            close();
            onCreated?.(data.createWebhookEndpoint.secret, data.createWebhookEndpoint.endpoint);
          },
        },
      );
  };
  const others = otherErrors(mutation.error, FIELDS);

  return (
    <Modal opened={opened} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title={endpoint ? 'Edit endpoint' : 'Add endpoint'} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label="Endpoint URL"
            description="https, reachable from the internet. Deliveries are POSTed here, signed to the Standard Webhooks spec."
            required
            value={values.url}
            onChange={(e) => setValues({ ...values, url: e.currentTarget.value })}
            error={fieldError(mutation.error, 'url')}
            data-autofocus
          />
          <Textarea label="Description" description="At most 500 characters." autosize minRows={2} value={values.description} onChange={(e) => setValues({ ...values, description: e.currentTarget.value })} error={fieldError(mutation.error, 'description')} />
          {types.data ? (
            <WebhookEventTypePicker
              types={types.data.webhookEventTypes}
              selected={values.eventTypes}
              onChange={(eventTypes) => setValues({ ...values, eventTypes })}
              holds={access.may}
              error={fieldError(mutation.error, 'eventTypes')}
            />
          ) : (
            <LoadingState label="Loading event types…" />
          )}
          {access.allowConfidential && (
            <Switch
              label="Include confidential postings and their applications"
              description="Only for receivers cleared to see confidential hiring."
              checked={values.allowConfidential}
              onChange={(e) => setValues({ ...values, allowConfidential: e.currentTarget.checked })}
              error={fieldError(mutation.error, 'allowConfidential')}
            />
          )}
          {others && (
            <Alert color="red" variant="outline" role="alert">
              {others}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {endpoint ? 'Save changes' : 'Add endpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
