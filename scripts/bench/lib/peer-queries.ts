/**
 * The two requests of the PostGraphile comparison, written once for each server:
 * a page of 50 newest-first with totalCount and every posting field, plain and
 * with one team as a filter. Same fields, same connection shape (edges with
 * cursor, pageInfo). Jobgate's structured fields (locations, lists, salaryRange,
 * questions) are typed objects; the view exposes the same jsonb columns, which
 * PostGraphile serves as JSON scalars. PostGraphile's Amber preset names the `id`
 * column `rowId` (its `id` is the global Node id), so the peer aliases it back.
 */

import { PAGE_SIZE } from './postings-query';

export { PAGE_SIZE };

const JOBGATE_NODE = `id title team department commitment level workplaceType country
        locations { name city region countryCode postalCode }
        openingHtml openingPlain descriptionHtml descriptionPlain additionalHtml additionalPlain
        lists { title contentHtml contentPlain }
        salaryRange { min max currency interval } salaryDescription
        questions { id label kind required options }
        hostedUrl applyUrl publishedAt updatedAt`;

const PEER_NODE = `id: rowId title team department commitment level workplaceType country
        locations
        openingHtml openingPlain descriptionHtml descriptionPlain additionalHtml additionalPlain
        lists
        salaryRange salaryDescription
        questions
        hostedUrl applyUrl publishedAt updatedAt`;

const JOBGATE_QUERY = `query($first: Int!, $filter: PostingFilter) {
  postings(first: $first, filter: $filter) {
    totalCount
    edges { cursor node { ${JOBGATE_NODE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// Newest first with the id tiebreak, as Jobgate's NEWEST order (published_at desc, id desc).
const peerQuery = (condition: string) => `query($first: Int!${condition ? ', $team: String!' : ''}) {
  allBenchVisiblePostings(first: $first, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]${condition}) {
    totalCount
    edges { cursor node { ${PEER_NODE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const FILTER_TEAM = 'Engineering';

export interface PeerVariant {
  name: string;
  jobgateBody: string;
  peerBody: string;
}

/**
 * Jobgate's team filter is case-insensitive (lower(team) = any(…)); PostGraphile's
 * condition is exact equality. The seeder writes each team in one spelling, so
 * both select the same rows (checked before timing).
 */
export const PEER_VARIANTS: PeerVariant[] = [
  {
    name: 'a page of 50 + `totalCount`',
    jobgateBody: JSON.stringify({ query: JOBGATE_QUERY, variables: { first: PAGE_SIZE, filter: null } }),
    peerBody: JSON.stringify({ query: peerQuery(''), variables: { first: PAGE_SIZE } }),
  },
  {
    name: 'the same, one team as a filter',
    jobgateBody: JSON.stringify({ query: JOBGATE_QUERY, variables: { first: PAGE_SIZE, filter: { teams: [FILTER_TEAM] } } }),
    peerBody: JSON.stringify({ query: peerQuery(', condition: { team: $team }'), variables: { first: PAGE_SIZE, team: FILTER_TEAM } }),
  },
];

interface Page {
  totalCount: number;
  edges: { node: { id: string; hostedUrl: string; applyUrl: string; publishedAt: string; title: string } }[];
}

/** The comparable part of either answer: total, ids in order, and a few scalar fields of each node. */
export function summarize(json: unknown, field: 'postings' | 'allBenchVisiblePostings'): { total: number; rows: string[] } {
  const page = (json as { data?: Record<string, Page> }).data?.[field];
  if (!page) throw new Error(`no ${field} in the answer: ${JSON.stringify(json).slice(0, 500)}`);
  return {
    total: page.totalCount,
    rows: page.edges.map(({ node }) => [node.id, node.title, node.hostedUrl, node.applyUrl, new Date(node.publishedAt).toISOString()].join(' ')),
  };
}
