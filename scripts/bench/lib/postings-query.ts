/** The page size of the benchmark's request: a career site's list page. At 50 with every field it costs 13 984, under the public limit of 20 000 (src/graphql/cost-limit.ts); 100 would not fit. */
export const PAGE_SIZE = 50;

/** The public request both servers answer: one page with totalCount and every facet. */
export const POSTINGS_QUERY = `query($first: Int!, $after: String, $filter: PostingFilter) {
  postings(first: $first, after: $after, filter: $filter) {
    totalCount
    facets {
      teams { value count } departments { value count } locations { value count } commitments { value count }
      levels { value count } workplaceTypes { value count } countries { value count }
    }
    edges {
      cursor
      node {
        id title team department commitment level workplaceType country
        locations { name city region countryCode postalCode }
        openingHtml openingPlain descriptionHtml descriptionPlain additionalHtml additionalPlain
        lists { title contentHtml contentPlain }
        salaryRange { min max currency interval } salaryDescription
        questions { id label kind required options }
        hostedUrl applyUrl publishedAt updatedAt
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The two variants the issue names: plain, and a filter with a search (matches a fair share of the synthetic rows). */
export const VARIANTS: { name: string; filter: Record<string, unknown> | null }[] = [
  { name: 'plain', filter: null },
  { name: 'filter + search', filter: { teams: ['Engineering', 'Product'], countries: ['US', 'DE'], search: 'typescript' } },
];

export const requestBody = (first: number, filter: Record<string, unknown> | null, after: string | null = null) =>
  JSON.stringify({ query: POSTINGS_QUERY, variables: { first, after, filter } });
