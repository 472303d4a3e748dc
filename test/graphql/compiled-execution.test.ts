import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixture, createPosting, QUESTIONS, type ApplyFixture } from '../applications/helpers';
import { COMPILE_AFTER } from '../../src/graphql/compiled-execution';
import { HOSTILE_CASES } from '../edge/hostile-cases';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PUBLIC } from '../postings/helpers';

/**
 * The public API executes with graphql-jit (src/graphql/compiled-execution.ts). Two
 * instances on one database, one compiled and one on plain graphql-js, answer the same
 * requests: status, content type and body must be the same bytes, errors included.
 * Both run without the response cache, so every answer is executed.
 */
const POSTING_FIELDS = `id title team department commitment level workplaceType
  locations { name city region countryCode postalCode } country
  openingHtml openingPlain descriptionHtml descriptionPlain additionalHtml additionalPlain
  lists { title contentHtml contentPlain } salaryRange { min max currency interval } salaryDescription
  questions { id label kind required options } hostedUrl applyUrl publishedAt updatedAt __typename`;

const FACETS = 'facets { teams { value count } departments { value count } locations { value count } commitments { value count } levels { value count } workplaceTypes { value count } countries { value count } }';

interface Request {
  what: string;
  body: (f: ApplyFixture, ids: string[]) => Record<string, unknown> | string;
}

/** The public schema's operations, with the shapes career sites send, and their mistakes. */
const OPERATIONS: Request[] = [
  { what: 'the organization', body: () => ({ query: '{ organization { name slug careersSiteUrl __typename } }' }) },
  { what: 'a page with every field, totals and facets', body: () => ({ query: `{ postings(first: 50) { totalCount ${FACETS} pageInfo { hasNextPage endCursor } edges { cursor node { ${POSTING_FIELDS} } } } }` }) },
  { what: 'nodes only, by title', body: () => ({ query: `query($o: PostingOrder!) { postings(orderBy: $o, first: 2) { nodes { id title } pageInfo { hasNextPage endCursor } } }`, variables: { o: 'TITLE' } }) },
  { what: 'the oldest first, with fragments and aliases', body: () => ({ query: `fragment P on Posting { id t: title }\nquery Page { a: postings(orderBy: OLDEST, first: 1) { nodes { ...P } } b: postings(first: 1, filter: { teams: ["engineering"] }) { totalCount nodes { ... on Posting { ...P team } } } }`, operationName: 'Page' }) },
  { what: 'a filter from variables', body: () => ({ query: 'query($f: PostingFilter) { postings(filter: $f) { totalCount nodes { id workplaceType } } }', variables: { f: { teams: ['Engineering'], workplaceTypes: ['REMOTE', 'ON_SITE'], search: 'engineer', postedAfter: '2001-01-01T00:00:00Z' } } }) },
  { what: 'page info only', body: () => ({ query: '{ postings(first: 1) { pageInfo { hasNextPage endCursor } } }' }) },
  { what: 'one posting', body: (_f, ids) => ({ query: `query($id: ID!) { posting(id: $id) { ${POSTING_FIELDS} } }`, variables: { id: ids[0] } }) },
  { what: 'a posting that is not there', body: () => ({ query: '{ posting(id: "00000000-0000-4000-8000-000000000000") { id } }' }) },
  { what: 'a posting id that is not a UUID', body: () => ({ query: '{ posting(id: "nope") { id } }' }) },
  { what: 'two operations and the chosen one', body: () => ({ query: 'query A { organization { name } } query B { postings { totalCount } }', operationName: 'B' }) },
  { what: 'an operation name that is not in the document', body: () => ({ query: 'query A { organization { name } }', operationName: 'C' }) },
  { what: 'a page size the resolver refuses', body: () => ({ query: '{ postings(first: 0) { totalCount } }' }) },
  { what: 'a page size the resolver refuses, next to data', body: () => ({ query: '{ organization { name } postings(first: 101) { totalCount } }' }) },
  { what: 'a variable of the wrong type', body: () => ({ query: 'query($n: Int!) { postings(first: $n) { totalCount } }', variables: { n: 'ten' } }) },
  { what: 'a missing required variable', body: () => ({ query: 'query($n: Int!) { postings(first: $n) { totalCount } }' }) },
  { what: 'an unknown enum value in a variable', body: () => ({ query: 'query($o: PostingOrder!) { postings(orderBy: $o) { totalCount } }', variables: { o: 'BEST' } }) },
  { what: 'a field that does not exist', body: () => ({ query: '{ postings { secret } }' }) },
  { what: 'a syntax error', body: () => ({ query: '{ postings { ' }) },
  { what: 'over the cost limit', body: () => ({ query: `query($n: Int!) { a: postings(first: $n) { nodes { ${POSTING_FIELDS} } } b: postings(first: $n) { nodes { ${POSTING_FIELDS} } } c: postings(first: $n) { nodes { ${POSTING_FIELDS} } } }`, variables: { n: 100 } }) },
  { what: 'a malformed cursor', body: () => ({ query: '{ postings(after: "bm90IGEgY3Vyc29y") { nodes { id } } }' }) },
  { what: 'apply to a posting that is not there', body: () => ({ query: 'mutation($p: ID!) { applyToPosting(postingId: $p, input: { name: "Ada", email: "ada@example.com" }) { applicationId } }', variables: { p: '00000000-0000-4000-8000-000000000000' } }) },
  { what: 'apply with an invalid email', body: (f) => ({ query: 'mutation($p: ID!) { applyToPosting(postingId: $p, input: { name: "Ada", email: "not an email" }) { applicationId } }', variables: { p: f.plain } }) },
  { what: 'apply without the required answers', body: (f) => ({ query: 'mutation($p: ID!) { applyToPosting(postingId: $p, input: { name: "Ada", email: "ada-q@example.com" }) { applicationId } }', variables: { p: f.quiz } }) },
  { what: 'introspection of the types', body: () => ({ query: '{ __schema { queryType { name } types { name kind } } __type(name: "Posting") { fields { name type { name kind ofType { name } } } } }' }) },
];

describe('compiled execution answers exactly as graphql-js does', () => {
  let compiled: TestApp;
  let plain: TestApp;
  let f: ApplyFixture;
  const ids: string[] = [];
  // The threshold pinned: the counts below assume COMPILE_AFTER whatever JOBGATE_COMPILE_AFTER the runner sets.
  const env = { JOBGATE_PUBLIC_CACHE_BYTES: '0', JOBGATE_APPLY_RATE_PER_SECOND: '1000', JOBGATE_COMPILE_AFTER: String(COMPILE_AFTER) };

  beforeAll(async () => {
    compiled = await startTestApp({ env: { ...env, JOBGATE_COMPILED_EXECUTION: 'true' } });
    plain = await startTestApp({ databaseUrl: compiled.databaseUrl, env: { ...env, JOBGATE_COMPILED_EXECUTION: 'false' } });
    f = await applyFixture(compiled);
    ids.push(
      await createPosting(compiled, f.admin, {
        title: 'Platform Engineer',
        workplaceType: 'REMOTE',
        locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE', postalCode: '10115' }, { name: 'Remote, EU' }],
        openingHtml: '<p>Hello <b>there</b> &amp; welcome</p>',
        additionalHtml: '<ul><li>Benefit "one"</li><li>ünïcödé ✓ 🚀</li></ul>',
        lists: [{ title: 'You bring', contentHtml: '<li>TypeScript</li><li>SQL</li>' }],
        salaryRange: { min: 70000.5, max: 90000, currency: 'EUR', interval: 'PER_YEAR' },
        salaryDescription: 'Plus equity',
        questions: QUESTIONS,
      }),
      await createPosting(compiled, f.admin, { title: 'Designer', team: 'Design', workplaceType: 'HYBRID' }),
    );
  });
  afterAll(async () => {
    await plain?.close();
    await compiled?.close();
  });

  async function send(t: TestApp, body: Record<string, unknown> | string, token: string | null, path: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.statusCode, type: res.headers['content-type'], retryAfter: res.headers['retry-after'], body: res.body };
  }

  async function executions(t: TestApp, executor: string): Promise<number> {
    const metric = await t.services.metrics.graphqlExecutions.get();
    return metric.values.find((v) => v.labels.executor === executor && v.labels.schema === 'public')?.value ?? 0;
  }

  // A document is compiled on its COMPILE_AFTER-th request (the ones before run on graphql-js): every answer is compared.
  async function expectSameAnswers(body: Record<string, unknown> | string, token: string | null, path: string) {
    const expected = await send(plain, body, token, path);
    for (let i = 0; i <= COMPILE_AFTER; i++) expect(await send(compiled, body, token, path)).toEqual(expected);
  }

  it.each(OPERATIONS.map((o) => [o.what, o] as const))('%s', async (_what, o) => {
    await expectSameAnswers(o.body(f, ids), f.key, PUBLIC);
  });

  it.each(HOSTILE_CASES.map((c) => [c.what, c] as const))('hostile: %s', async (_what, c) => {
    await expectSameAnswers(c.body(f), { anonymous: null, admin: f.admin, postingsKey: f.key }[c.caller], c.path);
  });

  it('a successful apply answers the same, but for the new application id', async () => {
    const apply = (email: string) => ({ query: 'mutation($p: ID!, $e: String!) { applyToPosting(postingId: $p, input: { name: "Ada", email: $e }) { applicationId __typename } }', variables: { p: f.plain, e: email } });
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const masked = (res: { body: string }) => ({ ...res, body: res.body.replace(uuid, 'ID') });
    const expected = await send(plain, apply('ada-0@example.com'), f.key, PUBLIC);
    expect(expected.body).toMatch(uuid);
    for (let i = 1; i <= COMPILE_AFTER; i++) expect(masked(await send(compiled, apply(`ada-${i}@example.com`), f.key, PUBLIC))).toEqual(masked(expected));
  });

  it('the compiled instance really compiled: graphql-js ran only where its wording is needed', async () => {
    expect(await executions(compiled, 'compiled')).toBeGreaterThan(OPERATIONS.length / 2);
    // First requests, variables graphql-js refuses and an unknown operation name take graphql-js.
    expect(await executions(compiled, 'graphql-js')).toBeGreaterThanOrEqual(OPERATIONS.length);
    expect(await executions(plain, 'compiled')).toBe(0);
  });
});
