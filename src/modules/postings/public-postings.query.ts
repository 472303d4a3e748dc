import type { PostingOrder, PublicPostingFilter } from './public-posting.types';
import type { FacetName } from './facet-names';
import type { Counts, PostingCondition, PostingRow, PostingsDb } from './public-posting-row';
import * as publicPostings from './public-postings.repository';

/**
 * The public postings reads other modules use (the career pages, the Lever and
 * Greenhouse dialects): pages, single postings, counts and facets, cursors and
 * filter validation. Their SQL lives in `public-postings.repository.ts`, which is
 * private to this module; this file is the module's door to it, and each read here
 * is the same single statement the public API runs.
 */

export { FACET_NAMES, type FacetName } from './facet-names';
export type { Counts, PostingCondition, PostingRow, PostingsDb } from './public-posting-row';

/** Validates a public filter and turns it into conditions for `fetchPage`/`fetchCounts` (BAD_USER_INPUT naming the field). */
export function filterConditions(filter: PublicPostingFilter | null | undefined): PostingCondition[] {
  return publicPostings.filterConditions(filter);
}

/** The opaque cursor after `row` in `order`. */
export function encodeCursor(order: PostingOrder, row: PostingRow): string {
  return publicPostings.encodeCursor(order, row);
}

/** One page of visible postings, plus whether another follows (one statement). */
export function fetchPage(
  db: PostingsDb,
  organizationId: string,
  conditions: PostingCondition[],
  order: PostingOrder,
  first: number,
  after: string | null | undefined,
  fields: ReadonlySet<string> | null = null,
): Promise<{ rows: PostingRow[]; hasNextPage: boolean }> {
  return publicPostings.fetchPage(db, organizationId, conditions, order, first, after, fields);
}

/** One visible posting by id, or null. */
export function fetchOne(db: PostingsDb, organizationId: string, id: string): Promise<PostingRow | null> {
  return publicPostings.fetchOne(db, organizationId, id);
}

/** One visible posting by its Greenhouse-compatible integer board id, or null. */
export function fetchOneByBoardId(db: PostingsDb, organizationId: string, boardId: string): Promise<PostingRow | null> {
  return publicPostings.fetchOneByBoardId(db, organizationId, boardId);
}

/** The total and the requested facets (one statement). */
export function fetchCounts(db: PostingsDb, organizationId: string, conditions: PostingCondition[], wantTotal: boolean, facets: FacetName[]): Promise<Counts> {
  return publicPostings.fetchCounts(db, organizationId, conditions, wantTotal, facets);
}
