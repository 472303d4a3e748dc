import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../api/hooks';
import { EeoReportDocument, PostingsDocument } from '../api/operations';
import { PageTitle, QueryView } from '../components/states';

interface Filter {
  postingId?: string;
  from?: string;
  to?: string;
}

/**
 * The EEO aggregate report: counts of voluntary self-identification answers per question,
 * never one person's answers. The server suppresses small cells; this screen only says so.
 */
export function EeoReportPage() {
  const [draft, setDraft] = useState({ postingId: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>({});
  const report = useApiQuery(['eeo-report'], EeoReportDocument, filter);
  // Posting names for the filter; without postings.list the report still covers all postings.
  const postings = useApiQuery(['postings', 'eeo'], PostingsDocument, { first: 100 });

  const apply = () =>
    setFilter({
      postingId: draft.postingId || undefined,
      from: draft.from ? new Date(`${draft.from}T00:00:00Z`).toISOString() : undefined,
      // Through the whole chosen day: the report's `to` is exclusive.
      to: draft.to ? new Date(new Date(`${draft.to}T00:00:00Z`).getTime() + 86_400_000).toISOString() : undefined,
    });

  return (
    <Stack>
      <PageTitle description="Aggregate counts of the voluntary self-identification answers candidates gave. Individual answers are never shown, and are kept apart from applications.">
        EEO report
      </PageTitle>
      <form
        aria-label="EEO report filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Posting"
            description="All postings when empty"
            data={(postings.data?.postings?.nodes ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={draft.postingId || null}
            onChange={(v) => setDraft({ ...draft, postingId: v ?? '' })}
            clearable
            clearButtonProps={{ 'aria-label': 'All postings' }}
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <TextInput type="date" label="From" description="From this day on (UTC)" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput type="date" label="To" description="Through this day (UTC)" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit">Show report</Button>
        </Group>
      </form>
      <QueryView query={report} select={(d) => d.eeoReport} loadingLabel="Counting…">
        {(r) => (
          <Stack>
            {r.responses === null ? (
              <Alert color="gray" title="Too few responses">
                {`Fewer than ${r.minimumCellSize} candidates answered in this selection, so nothing is shown.`}
              </Alert>
            ) : (
              <Text>{`${r.responses} responses. Counts under ${r.minimumCellSize} are hidden, and so is one more where a hidden count could otherwise be worked out.`}</Text>
            )}
            {r.questions.map((q) => (
              <section key={q.question} aria-labelledby={`eeo-${q.question}`}>
                <Title order={2} size="h4" id={`eeo-${q.question}`} mb="xs">
                  {q.label}
                </Title>
                <Table striped withTableBorder aria-labelledby={`eeo-${q.question}`} data-testid="eeo-question">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Answer</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Responses
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.cells.map((c) => (
                      <Table.Tr key={c.answer}>
                        <Table.Th scope="row" fw={400}>
                          {c.label}
                        </Table.Th>
                        <Table.Td ta="right">{c.suppressed ? 'Hidden' : c.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
