import type { EntityManager } from '@mikro-orm/postgresql';
import { encodeCursor, fetchPage, filterConditions, type PostingRow, PostingOrder, type PublicPostingFilter } from '../postings';

/** Rows per keyset page when a dialect needs more than one page (Greenhouse lists everything). */
const BATCH = 500;

/**
 * Publicly visible postings of an organization through the public API's own query
 * (same filter validation, same visibility predicate, same order), `limit` at most.
 * Lever's skip/limit and Greenhouse's "everything" both read keyset pages here.
 */
export async function visiblePostings(
  em: EntityManager,
  organizationId: string,
  filter: PublicPostingFilter | null,
  limit: number,
  order: PostingOrder = PostingOrder.NEWEST,
): Promise<PostingRow[]> {
  const conditions = filterConditions(filter);
  const rows: PostingRow[] = [];
  let after: string | null = null;
  while (rows.length < limit) {
    const page = await fetchPage(em, organizationId, conditions, order, Math.min(BATCH, limit - rows.length), after);
    rows.push(...page.rows);
    if (!page.hasNextPage || !page.rows.length) break;
    after = encodeCursor(order, page.rows[page.rows.length - 1]!);
  }
  return rows;
}
