import { Button, Group } from '@mantine/core';
import { useState } from 'react';

/** The cursors of the pages visited so far (null = the first page): forward with a page's endCursor, back by dropping the last. */
export interface CursorPages {
  /** The `after` argument of the page shown. */
  after: string | null;
  /** 1-based number of the page shown. */
  page: number;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  /** Back to the first page (after a filter change). */
  reset(): void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    next: (endCursor) => setCursors([...cursors, endCursor ?? null]),
    previous: () => setCursors(cursors.slice(0, -1)),
    reset: () => setCursors([null]),
  };
}

interface PagerProps {
  pages: CursorPages;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** Labels for lists where "next" means older (the audit log). */
  previousLabel?: string;
  nextLabel?: string;
}

/** The Previous/Next buttons under a cursor-paged table. */
export function Pager({ pages, pageInfo, previousLabel = 'Previous', nextLabel = 'Next' }: PagerProps) {
  return (
    <Group justify="space-between">
      <Button variant="default" disabled={pages.page <= 1} onClick={pages.previous}>
        {previousLabel}
      </Button>
      <Button variant="default" disabled={!pageInfo.hasNextPage} onClick={() => pages.next(pageInfo.endCursor)}>
        {nextLabel}
      </Button>
    </Group>
  );
}
