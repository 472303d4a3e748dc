/**
 * The public postings reads other modules use (the career pages, the Lever and
 * Greenhouse dialects): pages, single postings, counts and facets, cursors and
 * filter validation. Their SQL lives in `public-postings.repository.ts`, which is
 * private to this module; this file is the module's door to it.
 */
export {
  encodeCursor,
  FACET_NAMES,
  fetchCounts,
  fetchOne,
  fetchOneByBoardId,
  fetchPage,
  filterConditions,
  type Counts,
  type FacetName,
  type PostingRow,
  type PostingsDb,
} from './public-postings.repository';
