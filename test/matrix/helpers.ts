import type { SeededOrg, TestApp } from '../helpers/test-app';

/** What every representative call receives. `org` is the organization under test; `otherOrg` the foreign tenant. */
export interface MatrixFixture {
  t: TestApp;
  org: SeededOrg;
  otherOrg: SeededOrg;
  /** A Super Admin session of `org`, to create the objects a call needs. */
  adminToken: string;
  otherAdminToken: string;
}

/** Ids of objects a call's `prepare` created in `org`; they must never show up for another organization's key. */
export type Prepared = Record<string, string>;

/** What the matrix reads from one call's answer. */
export interface CallOutcome {
  /** The first error's code (GraphQL `extensions.code`, or a REST `error.code`), if any. */
  code?: string;
  message?: string;
  /** The whole answer, searched for this organization's ids in EMPTY checks. */
  body: unknown;
  /** For GraphQL: the value of the top-level field (null means not found for nullable lookups). */
  value?: unknown;
}

export interface RepresentativeCall {
  /** A minimal GraphQL document: select only fields that need no other operation. */
  query?: string;
  /** For calls that are not GraphQL (e.g. POST /uploads): performs the call with `token` itself. */
  request?: (fx: MatrixFixture, token: string, prepared: Prepared) => Promise<CallOutcome>;
  /** Creates what the call needs in `fx.org`. Runs once per case, since writes may consume objects. */
  prepare?: (fx: MatrixFixture) => Promise<Prepared>;
  variables?: (fx: MatrixFixture, prepared: Prepared) => Record<string, unknown>;
  /**
   * What another organization's key (granted the operation) gets when it aims the call at this
   * organization's objects: NOT_FOUND (an error with that code, or a null top-level field), or
   * EMPTY (no error, and none of this organization's ids in the answer).
   */
  crossTenant: 'NOT_FOUND' | 'EMPTY';
  /**
   * For calls that create or change a principal: the other operations a key needs so that
   * what the call creates or changes is within the key's reach (the ceiling rule). The
   * "key with only it" case grants these too; ceiling-matrix.test.ts covers the rule itself.
   */
  ceilingGrants?: string[];
}

export type CallMap = Record<string, RepresentativeCall>;

/** Runs a GraphQL request as `fx.adminToken` and returns `data`, throwing on errors (for `prepare` hooks). */
export async function asAdmin<T = Record<string, unknown>>(fx: MatrixFixture, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fx.t.gql<T>(query, variables, { token: fx.adminToken });
  if (!res.data || res.errors) throw new Error(`prepare failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}
