import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { PostingsDocument, SetPostingStateDocument } from '../api/operations';
import { DistributionBadges } from '../components/distribution-badges';
import { Pager, useCursorPages } from '../components/pager';
import { EmptyState, PageTitle, QueryView } from '../components/states';
import { formatDate, humanize } from '../format';
import type { PostingsQuery, PostingState } from '../gql/graphql';
import { PublishPostingDialog } from './publish-posting-dialog';

type PostingRow = NonNullable<PostingsQuery['postings']>['nodes'][number];

const PAGE_SIZE = 25;
const STATE_FILTERS = ['ALL', 'DRAFT', 'PUBLISHED', 'INTERNAL', 'CLOSED'] as const;

/** Postings with their state changes (publish, close). */
export function PostingsPage() {
  const [stateFilter, setStateFilter] = useState<(typeof STATE_FILTERS)[number]>('ALL');
  const pages = useCursorPages();
  const filter = stateFilter === 'ALL' ? {} : { states: [stateFilter as PostingState] };
  const query = useApiQuery(['postings'], PostingsDocument, { first: PAGE_SIZE, after: pages.after, filter });
  const setState = useApiMutation(SetPostingStateDocument, [['postings']]);
  // Publishing goes through a dialog that shows what each destination still lacks.
  const [publishing, setPublishing] = useState<PostingRow | null>(null);

  return (
    <Stack>
      <PageTitle description="Publish postings to the public API, hosted board and feed, or close them.">Postings</PageTitle>
      <SegmentedControl
        aria-label="Filter by state"
        data={STATE_FILTERS.map((s) => ({ value: s, label: s === 'ALL' ? 'All' : humanize(s) }))}
        value={stateFilter}
        onChange={(v) => {
          setStateFilter(v as (typeof STATE_FILTERS)[number]);
          pages.reset();
        }}
      />
      {setState.error && !publishing && (
        <Text c="red" size="sm" role="alert">
          {setState.error.message}
        </Text>
      )}
      <QueryView query={query} select={(data) => data.postings} loadingLabel="Loading postings…">
        {(postings) =>
          postings.nodes.length === 0 ? (
            <EmptyState title="No postings here">Postings created through the API appear in this list.</EmptyState>
          ) : (
            <>
              <Text size="sm">{postings.totalCount} postings</Text>
              <Table.ScrollContainer minWidth={1000}>
                <Table striped verticalSpacing="xs" aria-label="Postings">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Title</Table.Th>
                      <Table.Th>Team</Table.Th>
                      <Table.Th>Location</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th>Published</Table.Th>
                      <Table.Th>Distribution</Table.Th>
                      <Table.Th>
                        <span className="visually-hidden">Actions</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {postings.nodes.map((posting) => (
                      <Table.Tr key={posting.id} data-testid={`posting-row-${posting.title}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {posting.title}
                          </Text>
                          {posting.confidential && (
                            <Badge size="xs" color="grape" variant="filled">
                              confidential
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{posting.team ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{posting.locations[0]?.name ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{humanize(posting.state)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDate(posting.publishedAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <DistributionBadges entries={posting.distribution} postingTitle={posting.title} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            {posting.state !== 'PUBLISHED' && (
                              <Button size="xs" variant="outline" aria-label={`Publish ${posting.title}`} onClick={() => {
                                  setState.reset();
                                  setPublishing(posting);
                                }}>
                                Publish
                              </Button>
                            )}
                            {posting.state !== 'CLOSED' && (
                              <Button size="xs" variant="default" aria-label={`Close ${posting.title}`} onClick={() => setState.mutate({ id: posting.id, state: 'CLOSED' })}>
                                Close
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager pages={pages} pageInfo={postings.pageInfo} />
            </>
          )
        }
      </QueryView>
      <PublishPostingDialog
        posting={publishing}
        busy={setState.isPending}
        error={publishing && setState.error ? setState.error.message : null}
        onClose={() => setPublishing(null)}
        onConfirm={() => publishing && setState.mutate({ id: publishing.id, state: 'PUBLISHED' }, { onSuccess: () => setPublishing(null) })}
      />
    </Stack>
  );
}
