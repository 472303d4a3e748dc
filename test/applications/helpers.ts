import { randomUUID } from 'node:crypto';
import { createPosting, orgWithTokens, PUBLIC, type OrgWithTokens } from '../postings/helpers';
import type { GqlResponse, TestApp } from '../helpers/test-app';
import { samples, upload } from '../uploads/helpers';

export { codeOf, createPosting, orgWithTokens, PUBLIC } from '../postings/helpers';

/** One question of each kind; all required except the BOOLEAN one. */
export const QUESTIONS = [
  { id: 'q-text', label: 'Why us?', kind: 'TEXT', required: true },
  { id: 'q-area', label: 'Tell us about a project', kind: 'TEXTAREA', required: true },
  { id: 'q-single', label: 'Work permit', kind: 'SINGLE_SELECT', required: true, options: ['EU', 'US', 'Other'] },
  { id: 'q-multi', label: 'Languages', kind: 'MULTI_SELECT', required: true, options: ['TypeScript', 'Go', 'Rust'] },
  { id: 'q-file', label: 'Portfolio', kind: 'FILE', required: true },
  { id: 'q-bool', label: 'Relocate?', kind: 'BOOLEAN', required: false },
];

export const APPLY = `mutation($postingId: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $postingId, input: $input) { applicationId } }`;

export const APPLICATION_FIELDS = `id name email phone currentCompany status archiveReason archivedAt confidential source timezone ip
  urls { label url } comments answers { questionId text choices fileId boolean } consent { marketing store }
  createdBy { type id name } candidate { id name email phone } posting { id title } resume { id filename contentType size sha256 }`;

/** Calls applyToPosting with the postings key; `headers` carries e.g. Idempotency-Key. */
export function apply(
  t: TestApp,
  key: string,
  postingId: string,
  input: Record<string, unknown>,
  options: { headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<GqlResponse<{ applyToPosting: { applicationId: string } }>> {
  return t.gql(APPLY, { postingId, input }, { token: key, path: PUBLIC, ...options });
}

/** Stages a file through POST /uploads, as a career site's backend does with the postings key. */
export async function stage(t: TestApp, token: string, purpose = 'RESUME', bytes: Buffer = samples.pdf, filename = 'cv.pdf'): Promise<string> {
  const res = await upload(t, { token, purpose, bytes, filename });
  if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** An application as the admin API returns it (loosely typed: tests compare whole objects). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApplicationJson = Record<string, any>;

/** A unique, valid minimal input for a posting without questions. */
export function minimalInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Ada Lovelace', email: `ada-${randomUUID().slice(0, 8)}@example.com`, ...overrides };
}

export interface ApplyFixture extends OrgWithTokens {
  /** A published posting without questions. */
  plain: string;
  /** A published posting with one question of each kind. */
  quiz: string;
}

export async function applyFixture(t: TestApp): Promise<ApplyFixture> {
  const tokens = await orgWithTokens(t);
  const plain = await createPosting(t, tokens.admin, { title: 'Plain posting' });
  const quiz = await createPosting(t, tokens.admin, { title: 'Quiz posting', questions: QUESTIONS });
  return { ...tokens, plain, quiz };
}

/** A data key granted exactly `operations`; returns its secret. */
export async function dataKey(t: TestApp, adminToken: string, operations: string[], allowConfidential = false): Promise<string> {
  const res = await t.gql<{ createApiCredential: { secret: string } }>(
    `mutation($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret } }`,
    { input: { name: `Importer ${randomUUID().slice(0, 6)}`, operations, allowConfidential } },
    { token: adminToken },
  );
  if (!res.data) throw new Error(`createApiCredential failed: ${JSON.stringify(res.errors)}`);
  return res.data.createApiCredential.secret;
}

/** Rows in `table` for the organization, read past every filter (test assertions only). */
export async function countRows(t: TestApp, table: 'applications' | 'candidates' | 'audit_events', organizationId: string, extra = ''): Promise<number> {
  const rows = await t.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table} where organization_id = ? ${extra}`, [organizationId]);
  return Number(rows[0]!.n);
}
