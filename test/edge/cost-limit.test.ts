import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_COST } from '../../src/graphql/cost-limit';
import { createOrg, login, startTestApp, type GqlResponse, type SeededOrg, type TestApp } from '../helpers/test-app';

// The console's credential list: every field it shows for a key (the heaviest legitimate page).
const CREDENTIAL_FIELDS = `id kind name description partner fullAccess allowConfidential allowedCidrs expiresAt revokedAt
  secretHint previousSecretExpiresAt rateLimitPerMinute lastUsedAt createdAt status operations useCount logoUrl
  createdBy { id name email }`;
const page = (first: string) => `apiCredentials(${first}) { totalCount nodes { ${CREDENTIAL_FIELDS} } pageInfo { hasNextPage endCursor } }`;
/** The console's own document shape: the fields through a fragment (armor counts a spread one level deeper). */
const consolePage = (first: string) => `apiCredentials(${first}) { totalCount nodes { ...CredentialFields } pageInfo { hasNextPage endCursor } }`;
const FRAGMENT = `fragment CredentialFields on ApiCredential { ${CREDENTIAL_FIELDS} }`;
/** Three aliased full pages: over the limit however `first` is written. */
const threePages = (first: string) => ['a', 'b', 'c'].map((alias) => `${alias}: ${page(first)}`).join(' ');

/** The cost the refusal reports (`… found N: …`), so literal and variable page sizes can be compared. */
function refusedCost(res: GqlResponse): number {
  expect(res.status).toBe(400);
  expect(res.data ?? null).toBeNull();
  const error = res.errors?.[0];
  expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(error?.message).toContain(`cost limit of ${MAX_QUERY_COST} exceeded`);
  return Number(/found (\d+(?:\.\d+)?)/.exec(error?.message ?? '')?.[1]);
}

describe('query cost counts the page sizes a request really asks for', () => {
  let t: TestApp;
  let org: SeededOrg;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  it("the console's full page (first: 100) of the heaviest list is accepted, written literally or as a variable", async () => {
    const literal = await t.gql<{ apiCredentials: { totalCount: number } }>(`{ ${consolePage('first: 100')} } ${FRAGMENT}`, {}, { token });
    expect(literal.errors).toBeUndefined();
    expect(literal.data?.apiCredentials.totalCount).toBe(1); // the postings key
    const variable = await t.gql<{ apiCredentials: { totalCount: number } }>(`query($n: Int!) { ${consolePage('first: $n')} } ${FRAGMENT}`, { n: 100 }, { token });
    expect(variable.errors).toBeUndefined();
    expect(variable.data?.apiCredentials.totalCount).toBe(1);
  });

  it('three full pages cost the same and are refused whether first is a literal, a variable or a variable default', async () => {
    const literalCost = refusedCost(await t.gql(`{ ${threePages('first: 100')} }`, {}, { token }));
    expect(literalCost).toBeGreaterThan(MAX_QUERY_COST);
    const variableCost = refusedCost(await t.gql(`query($n: Int!) { ${threePages('first: $n')} }`, { n: 100 }, { token }));
    expect(variableCost).toBe(literalCost);
    const defaultCost = refusedCost(await t.gql(`query($n: Int! = 100) { ${threePages('first: $n')} }`, {}, { token }));
    expect(defaultCost).toBe(literalCost);
  });

  it('a document Apollo has already validated is costed again with the new variables', async () => {
    const query = `query Pages($n: Int!) { ${threePages('first: $n')} }`;
    const small = await t.gql(query, { n: 5 }, { token });
    expect(small.errors).toBeUndefined();
    expect(small.status).toBe(200);
    refusedCost(await t.gql(query, { n: 100 }, { token }));
  });

  it('an omitted first costs its schema default (20), like first: 20 written out', async () => {
    // 15 aliases (the most allowed) of the default page: over the limit only if the default counts.
    const aliases = (first: string) => Array.from({ length: 15 }, (_, i) => `a${i}: ${page(first)}`).join(' ');
    const literalCost = refusedCost(await t.gql(`{ ${aliases('first: 20')} }`, {}, { token }));
    const omittedCost = refusedCost(await t.gql(`{ ${aliases('after: null')} }`, {}, { token }));
    expect(omittedCost).toBe(literalCost);
  });

  it("the public API's full career-site page (100 postings with facets) is accepted", async () => {
    const reveal = await t.gql<{ revealPostingsApiKey: string }>('mutation { revealPostingsApiKey }', {}, { token });
    const key = reveal.data?.revealPostingsApiKey ?? '';
    expect(key).toMatch(/^jgp_/);
    const res = await t.gql<{ postings: { totalCount: number } }>(
      `query($n: Int!) { postings(first: $n) {
        totalCount
        edges { cursor node { id title team commitment workplaceType locations { name countryCode } country salaryRange { min max currency interval } hostedUrl applyUrl publishedAt } }
        pageInfo { hasNextPage endCursor }
        facets { teams { value count } locations { value count } commitments { value count } levels { value count }
                 departments { value count } workplaceTypes { value count } countries { value count } } } }`,
      { n: 100 },
      { token: key, path: '/public/graphql' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.postings.totalCount).toBe(0);
  });
});
