import { Button, Collapse, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useApiQuery } from '../api/hooks';
import { AuditEventsDocument, UsersDocument } from '../api/operations';
import { ChangeDiff } from '../components/change-diff';
import { Pager, useCursorPages } from '../components/pager';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { formatDateTime } from '../format';
import type { AuditEventFilter } from '../gql/graphql';

const PAGE_SIZE = 20;
const COMMON_ACTIONS = ['api_credential.', 'user.', 'organization.', 'posting.', 'application.', 'session.'];

/** The audit log: newest first, filtered by action, actor, target and date, with before/after diffs. */
export function AuditPage() {
  const [draft, setDraft] = useState({ action: '', actorId: '', targetId: '', since: '', until: '' });
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const pages = useCursorPages();
  const [open, setOpen] = useState<string | null>(null);
    const query = useApiQuery(['audit'], AuditEventsDocument, { first: PAGE_SIZE, after: pages.after, filter });
  // Actor names for the filter; users without users.list simply type an id.
  const users = useApiQuery(['users'], UsersDocument, { first: 100 });

  const apply = () => {
    setFilter({
      action: draft.action.trim() || undefined,
      actorId: draft.actorId || undefined,
      targetId: draft.targetId.trim() || undefined,
      since: draft.since ? new Date(`${draft.since}T00:00:00`).toISOString() : undefined,
      // Through the whole chosen day: the API's until is exclusive.
      until: draft.until ? new Date(new Date(`${draft.until}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined,
    });
    pages.reset();
  };

  return (
    <Stack>
      <PageTitle description="Every change made in your organization, by people and API keys, newest first.">Audit log</PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
        aria-label="Audit filters"
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <TextInput
            label="Action"
            description={`Exact, or a prefix such as ${COMMON_ACTIONS[0]}`}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            list="audit-actions"
          />
          {users.data?.users ? (
            <Select
              label="Actor"
              description="A person; keys appear by name in the list"
              data={users.data.users.nodes.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
              value={draft.actorId || null}
              onChange={(v) => setDraft({ ...draft, actorId: v ?? '' })}
              clearable
              clearButtonProps={{ 'aria-label': 'Any actor' }}
              searchable
              comboboxProps={{ withinPortal: false }}
            />
          ) : (
            <TextInput label="Actor id" description="A user or key id" value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.currentTarget.value })} />
          )}
          <TextInput label="Target id" description="The changed object's id" value={draft.targetId} onChange={(e) => setDraft({ ...draft, targetId: e.currentTarget.value })} />
          <TextInput type="date" label="Since" description="From this day on" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.currentTarget.value })} />
          <TextInput type="date" label="Until" description="Through this day" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.currentTarget.value })} />
        </SimpleGrid>
        <datalist id="audit-actions">
          {COMMON_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Group justify="flex-end" mt="sm">
          <Button
            variant="default"
            onClick={() => {
              setDraft({ action: '', actorId: '', targetId: '', since: '', until: '' });
              setFilter({});
              pages.reset();
            }}
          >
            Reset
          </Button>
          <Button type="submit">Apply filters</Button>
        </Group>
      </form>
      <QueryView query={query} select={(data) => data.auditEvents} loadingLabel="Loading events…">
        {(auditEvents) =>
          auditEvents.nodes.length === 0 ? (
            <EmptyState title="No events match">Try fewer filters or an earlier date.</EmptyState>
          ) : (
            <>
              <Text size="sm" role="status">
                {auditEvents.totalCount} events · page {pages.page}
              </Text>
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs" aria-label="Audit events">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>Action</Table.Th>
                      <Table.Th>Actor</Table.Th>
                      <Table.Th>Target</Table.Th>
                      <Table.Th>From</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {auditEvents.nodes.map((event) => (
                      <Fragment key={event.id}>
                        <Table.Tr data-testid="audit-row">
                          <Table.Td>
                            <Text size="sm">{formatDateTime(event.at)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <UnstyledButton aria-expanded={open === event.id} onClick={() => setOpen(open === event.id ? null : event.id)}>
                              <Text size="sm" fw={600} td="underline">
                                {event.action}
                              </Text>
                            </UnstyledButton>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {event.actorName ?? event.actorType.toLowerCase()} {event.actorType === 'API_CREDENTIAL' ? '(API key)' : ''}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {event.targetType ?? '—'} <Text span size="xs" c="dimmed" className="secret">{event.targetId ?? ''}</Text>
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{event.ip ?? '—'}</Text>
                          </Table.Td>
                        </Table.Tr>
                        {open === event.id && (
                          <Table.Tr>
                            <Table.Td colSpan={5}>
                              <Collapse expanded>
                                <ChangeDiff changes={event.changes} />
                              </Collapse>
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager pages={pages} pageInfo={auditEvents.pageInfo} previousLabel="Newer" nextLabel="Older" />
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
