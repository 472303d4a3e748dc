import type { ApplyFixture } from '../applications/helpers';
import { PUBLIC } from '../postings/helpers';

/**
 * The hostile-input list, shared by test/edge/hostile-input.test.ts and the compiled-execution comparison.
 *
 * Every hostile input the outside attack sent that came back as INTERNAL_SERVER_ERROR
 * (issue 9 §5), in one list: each must be a client error with BAD_USER_INPUT naming
 * the field, never a 5xx, and must write nothing.
 */
export type Caller = 'anonymous' | 'admin' | 'postingsKey';

export interface Case {
  what: string;
  caller: Caller;
  path: '/graphql' | typeof PUBLIC;
  /** The JSON body, or its text when it cannot be built as an object. */
  body: (f: ApplyFixture) => Record<string, unknown> | string;
  /** The field the error must name (in extensions.field(s) or the message). */
  field: string;
}

const NUL = 'a\u0000b';
const LONE = 'x\uD800y';
const base64url = (value: string) => Buffer.from(value).toString('base64url');
/** Built as text: JSON.stringify itself overflows the stack on 5 000 levels, which is the point. */
const nestedJson = (levels: number) => `${'{"n":'.repeat(levels)}{}${'}'.repeat(levels)}`;
const withDeepVariables = (query: string) => `{"query":${JSON.stringify(query)},"variables":{"v":${nestedJson(5000)}}}`;

export const LIST = (args: string, vars = '') => `query${vars} { postings(${args}) { totalCount } }`;
/** Rows, not just the count: the cursor is only decoded when a page is read. */
const PAGE = (args: string) => `{ postings(${args}) { nodes { id } } }`;
const APPLY = 'mutation($p: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $p, input: $input) { applicationId } }';
const LOGIN = 'mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }';

export const HOSTILE_CASES: Case[] = [
  // NUL bytes in any string
  { what: 'NUL in public search', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('filter: { search: $s }', '($s: String)'), variables: { s: NUL } }), field: 'filter.search' },
  { what: 'NUL in a public search literal', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('filter: { search: "a\\u0000b" }') }), field: 'filter.search' },
  { what: 'NUL in public filter values', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('filter: { teams: $t }', '($t: [String!])'), variables: { t: ['ok', NUL] } }), field: 'filter.teams[1]' },
  { what: 'NUL in a public cursor', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('after: $a', '($a: String)'), variables: { a: NUL } }), field: 'after' },
  {
    what: 'a NUL inside a public cursor (base64 hides it from the request guard)',
    caller: 'postingsKey',
    path: PUBLIC,
    body: () => ({ query: PAGE(`orderBy: TITLE, after: "${base64url('["TITLE","a\\u0000b","00000000-0000-4000-8000-000000000000"]')}"`) }),
    field: 'after',
  },
  {
    what: 'a lone surrogate inside a public cursor',
    caller: 'postingsKey',
    path: PUBLIC,
    body: () => ({ query: PAGE(`orderBy: TITLE, after: "${base64url('["TITLE","a\\ud800b","00000000-0000-4000-8000-000000000000"]')}"`) }),
    field: 'after',
  },
  { what: 'NUL in an admin cursor', caller: 'admin', path: '/graphql', body: () => ({ query: 'query($a: String) { users(after: $a) { totalCount } }', variables: { a: NUL } }), field: 'after' },
  { what: 'NUL in admin search', caller: 'admin', path: '/graphql', body: () => ({ query: 'query($s: String) { applications(filter: { search: $s }) { totalCount } }', variables: { s: NUL } }), field: 'filter.search' },
  { what: 'NUL in an admin postings filter', caller: 'admin', path: '/graphql', body: () => ({ query: 'query($t: [String!]) { postings(filter: { teams: $t }) { totalCount } }', variables: { t: [NUL] } }), field: 'filter.teams[0]' },
  { what: 'NUL in apply fields', caller: 'postingsKey', path: PUBLIC, body: (f) => ({ query: APPLY, variables: { p: f.plain, input: { name: `Ada${NUL}`, email: 'ada-nul@example.com' } } }), field: 'input.name' },
  { what: 'NUL in the login email', caller: 'anonymous', path: '/graphql', body: (f) => ({ query: LOGIN, variables: { s: f.org.slug, e: `admin${NUL}@x.test`, p: 'whatever password' } }), field: 'email' },
  // Lone UTF-16 surrogates
  {
    what: 'a lone surrogate in apply answers',
    caller: 'postingsKey',
    path: PUBLIC,
    body: (f) => ({ query: APPLY, variables: { p: f.quiz, input: { name: 'Ada', email: 'ada-sur@example.com', answers: [{ questionId: 'q-text', text: LONE }] } } }),
    field: 'input.answers[0].text',
  },
  {
    what: 'a lone surrogate in a question label',
    caller: 'admin',
    path: '/graphql',
    body: () => ({
      query: 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }',
      variables: { input: { title: 'T', locations: [{ name: 'Berlin' }], questions: [{ label: LONE, kind: 'TEXT' }] } },
    }),
    field: 'input.questions[0].label',
  },
  // Out-of-range dates
  { what: 'postedAfter year 0 (variable)', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('filter: { postedAfter: $d }', '($d: DateTimeISO)'), variables: { d: '0000-01-01T00:00:00Z' } }), field: 'postedAfter' },
  { what: 'postedAfter year 0 (literal)', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('filter: { postedAfter: "0000-01-01T00:00:00Z" }') }), field: 'DateTimeISO' },
  // null for an argument with a default
  { what: 'first: null as a variable (public)', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: LIST('first: $f', '($f: Int)'), variables: { f: null } }), field: 'first' },
  { what: 'first: null as a variable (admin)', caller: 'admin', path: '/graphql', body: () => ({ query: 'query($f: Int) { users(first: $f) { totalCount } }', variables: { f: null } }), field: 'first' },
  // Forged cursors
  { what: 'a forged admin cursor', caller: 'admin', path: '/graphql', body: () => ({ query: `{ users(after: "${base64url('["not-a-date","not-a-uuid"]')}") { totalCount } }` }), field: 'after' },
  { what: 'a forged cursor with a year-0 date', caller: 'admin', path: '/graphql', body: () => ({ query: `{ users(after: "${base64url('["0000-01-01T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]')}") { totalCount } }` }), field: 'after' },
  // Automatic persisted queries
  {
    what: 'an APQ hash mismatch',
    caller: 'postingsKey',
    path: PUBLIC,
    body: () => ({ query: '{ organization { name } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    field: 'extensions.persistedQuery.sha256Hash',
  },
  {
    what: 'an unsupported APQ version',
    caller: 'postingsKey',
    path: PUBLIC,
    body: () => ({ query: '{ organization { name } }', extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } } }),
    field: 'extensions.persistedQuery.version',
  },
  // Operations we do not serve
  { what: 'a subscription (public)', caller: 'postingsKey', path: PUBLIC, body: () => ({ query: 'subscription { postings { totalCount } }' }), field: 'subscription' },
  { what: 'a subscription (admin)', caller: 'admin', path: '/graphql', body: () => ({ query: 'subscription { users { totalCount } }' }), field: 'subscription' },
  // Variables nested 5 000 levels
  { what: '5 000 levels of variables (public)', caller: 'postingsKey', path: PUBLIC, body: () => withDeepVariables('{ organization { name } }'), field: 'variables' },
  { what: '5 000 levels of variables (admin)', caller: 'admin', path: '/graphql', body: () => withDeepVariables('{ me { id } }'), field: 'variables' },
];
