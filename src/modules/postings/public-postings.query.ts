import type { PostingOrder, PublicPostingFilter } from './public-posting.types';
import type { FacetName } from './facet-names';
import type { Counts, PostingCondition, PostingRow, PostingsDb } from './public-posting-row';
import type { MikroORM } from '@mikro-orm/postgresql';
import * as publicPostings from './public-postings.repository';
import { readFeedBatch, readFeedState, type FeedPostingsState, type FeedRow } from './public-feed.repository';

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

/** One page of visible postings, plus whether another follows and, with `withTotal`, the total (one statement). */
export function fetchPage(
  db: PostingsDb,
  organizationId: string,
  conditions: PostingCondition[],
  order: PostingOrder,
  first: number,
  after: string | null | undefined,
  fields: ReadonlySet<string> | null = null,
  withTotal = false,
): Promise<{ rows: PostingRow[]; hasNextPage: boolean; total: number | null }> {
  return publicPostings.fetchPage(db, organizationId, conditions, order, first, after, fields, withTotal);
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

export type { FeedPostingsState, FeedRow } from './public-feed.repository';

/** The XML feed's validators: the newest visible change and the latest expiry so far (one statement, two index probes). */
export function feedPostingsState(orm: MikroORM, organizationId: string): Promise<FeedPostingsState> {
  return readFeedState(orm, organizationId);
}

/** One keyset batch of visible postings for the XML feed, newest first (one statement). */
export function feedPostingsBatch(orm: MikroORM, organizationId: string, cursor: readonly [string, string] | null, batchSize: number): Promise<FeedRow[]> {
  return readFeedBatch(orm, organizationId, cursor, batchSize);
}

/** A visible posting's id and last change, for sitemaps. */
export interface SitemapEntry {
  id: string;
  lastmod: Date;
}

/** Publicly visible postings with their last change, newest first, at most `limit` (one statement). */
export function sitemapEntries(db: PostingsDb, organizationId: string, limit: number): Promise<SitemapEntry[]> {
  return publicPostings.fetchSitemapEntries(db, organizationId, limit);
}
