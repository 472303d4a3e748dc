import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/multipart';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { openForm, submitForm } from '../career-pages/helpers';
import { boardIdOf, createPosting, orgWithTokens } from '../compat/helpers';
import { samples } from '../uploads/helpers';
import { apply, stage } from './helpers';

/**
 * One application, sent through each of the four apply adapters (GraphQL applyToPosting,
 * the hosted form, Lever v0, Greenhouse), each to its own organization so that the same
 * candidate can apply four times. All four go through the one apply use case, so the rows
 * they leave behind must be the same, apart from ids, times and who the caller was.
 */
const QUESTIONS = [
  { id: 'why', label: 'Why us?', kind: 'TEXTAREA', required: true },
  { id: 'permit', label: 'Work permit', kind: 'SINGLE_SELECT', required: true, options: ['EU', 'Other'] },
  { id: 'portfolio', label: 'Portfolio', kind: 'FILE', required: false },
];
const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 1234', why: 'The engines.', permit: 'EU' };

type Row = Record<string, unknown>;
type Sent = Awaited<ReturnType<typeof orgWithTokens>> & { posting: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/;

/** A row's shape: every column, with ids and times replaced by their kind, so rows of different organizations compare. */
function shape(row: Row, ids: ReadonlyMap<string, string>): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (value instanceof Date || (typeof value === 'string' && TIMESTAMP.test(value))) out[column] = 'time';
    else if (typeof value === 'string' && UUID.test(value)) out[column] = ids.get(value) ?? 'uuid';
    else if (value && typeof value === 'object') out[column] = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && UUID.test(v) ? (ids.get(v) ?? 'uuid') : v)));
    else out[column] = value;
  }
  return out;
}

describe('the four apply adapters', () => {
  let t: TestApp;
  const sent = new Map<string, Sent>();
  const created: { organizationId: string; applicationId: string; postingId: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    t.services.events.on('application.created', (event) => void created.push(event));
    for (const adapter of ['graphql', 'hosted', 'lever', 'greenhouse']) {
      const o = await orgWithTokens(t);
      sent.set(adapter, { ...o, posting: await createPosting(t, o.admin, { title: 'Analyst', questions: QUESTIONS }) });
    }
  }, 120_000);
  afterAll(async () => t?.close());

  async function viaGraphql(s: Sent): Promise<void> {
    const resume = await stage(t, s.key, 'RESUME', samples.pdf, 'cv.pdf');
    const portfolio = await stage(t, s.key, 'ATTACHMENT', samples.pdf, 'portfolio.pdf');
    const res = await apply(t, s.key, s.posting, {
      name: ADA.name,
      email: ADA.email,
      phone: ADA.phone,
      resumeUploadId: resume,
      answers: [
        { questionId: 'why', text: ADA.why },
        { questionId: 'permit', choices: [ADA.permit] },
        { questionId: 'portfolio', uploadId: portfolio },
      ],
      consent: { store: true, marketing: false },
    });
    expect(res.errors).toBeUndefined();
  }

  async function viaHostedForm(s: Sent): Promise<void> {
    const path = `/jobs/${s.org.slug}/${s.posting}/apply`;
    const form = await openForm(t, path);
    const res = await submitForm(t, path, null, [
      { name: 'token', value: form.token },
      { name: 'name', value: ADA.name },
      { name: 'email', value: ADA.email },
      { name: 'phone', value: ADA.phone },
      { name: 'q0', value: ADA.why },
      { name: 'q1', value: ADA.permit },
      { name: 'q2', value: samples.pdf, filename: 'portfolio.pdf', contentType: 'application/pdf' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
      { name: 'consent_store', value: 'yes' },
    ]);
    expect(res.status, res.body).toBe(303);
  }

  async function viaLever(s: Sent): Promise<void> {
    const form = multipart([
      { name: 'name', value: ADA.name },
      { name: 'email', value: ADA.email },
      { name: 'phone', value: ADA.phone },
      { name: 'answers[why]', value: ADA.why },
      { name: 'answers[permit]', value: ADA.permit },
      { name: 'answers[portfolio]', value: samples.pdf, filename: 'portfolio.pdf', contentType: 'application/pdf' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
      { name: 'consent[store]', value: 'true' },
    ]);
    const url = `/v0/postings/${s.org.slug}/${s.posting}?key=${encodeURIComponent(s.key)}`;
    const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': form.contentType }, payload: form.body });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function viaGreenhouse(s: Sent): Promise<void> {
    const boardId = await boardIdOf(t, s.org.slug, 'Analyst');
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/boards/${s.org.slug}/jobs/${boardId}`,
      headers: { authorization: `Basic ${Buffer.from(`${s.key}:`).toString('base64')}` },
      payload: {
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: ADA.email,
        phone: ADA.phone,
        resume_content: samples.pdf.toString('base64'),
        resume_content_filename: 'cv.pdf',
        question_why: ADA.why,
        question_permit: 0,
        question_portfolio_content: samples.pdf.toString('base64'),
        question_portfolio_content_filename: 'portfolio.pdf',
        data_compliance: { gdpr_consent_given: true },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** Everything the apply wrote for one organization, as shapes. */
  async function storedRows(s: Sent): Promise<Record<string, Row[]>> {
    const db = t.orm.em.getConnection();
    const org = s.org.organizationId;
    const [application] = await db.execute<Row[]>(`select * from applications where organization_id = ?`, [org]);
    const files = await db.execute<Row[]>(`select * from stored_files where organization_id = ? order by purpose, filename`, [org]);
    // Who called is the one thing allowed to differ: the postings key, or the hosted page.
    const ids = new Map<string, string>([
      [org, 'organization'],
      [s.posting, 'posting'],
      [String(application!.id), 'application'],
      [String(application!.candidate_id), 'candidate'],
      ...files.map((f, i): [string, string] => [String(f.id), `file ${i}`]),
    ]);
    const callerColumns = (row: Row, ...columns: string[]) => Object.fromEntries(Object.entries(row).filter(([c]) => !columns.includes(c)));
    const audit = await db.execute<Row[]>(
      `select action, target_type, target_id, changes, actor_type from audit_events where organization_id = ? and action not like 'user.%' and action not like 'organization.%' and action not like 'credential.%' and action not like 'posting.%' and action not like 'session.%' order by action, target_type`,
      [org],
    );
    return {
      application: [shape(callerColumns(application!, 'created_by_type', 'created_by_id', 'created_by_name', 'idempotency_key', 'request_hash', 'ip', 'user_agent'), ids)],
      candidate: (await db.execute<Row[]>(`select * from candidates where organization_id = ?`, [org])).map((r) => shape(r, ids)),
      files: files.map((f) => shape(callerColumns(f, 'created_by_type', 'created_by_id', 'created_by_name', 'staged_for_posting', 'staged_from_ip'), ids)),
      // In the order the files were stored, which differs by adapter (GraphQL stages the resume first).
      audit: audit.map((r) => shape(r, ids)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  }

  it('stores the same application, candidate, answers, files and audit events whichever adapter took it', async () => {
    await viaGraphql(sent.get('graphql')!);
    await viaHostedForm(sent.get('hosted')!);
    await viaLever(sent.get('lever')!);
    await viaGreenhouse(sent.get('greenhouse')!);

    const rows = new Map<string, Record<string, Row[]>>();
    for (const [adapter, s] of sent) rows.set(adapter, await storedRows(s));
    const reference = rows.get('graphql')!;
    // The reference itself is what was sent: a sanity check that the comparison compares something.
    expect(reference.application[0]).toMatchObject({ name: ADA.name, email: ADA.email, phone: ADA.phone, posting_id: 'posting', candidate_id: 'candidate', resume_id: 'file 1' });
    expect(reference.application[0]!.answers).toEqual([
      { questionId: 'why', text: ADA.why },
      { questionId: 'permit', choices: [ADA.permit] },
      { questionId: 'portfolio', fileId: 'file 0' },
    ]);
    expect(reference.files.map((f) => [f.purpose, f.filename])).toEqual([
      ['ATTACHMENT', 'portfolio.pdf'],
      ['RESUME', 'cv.pdf'],
    ]);
    expect(reference.audit.length).toBeGreaterThanOrEqual(3);
    for (const adapter of ['hosted', 'lever', 'greenhouse']) expect(rows.get(adapter), adapter).toEqual(reference);

    // One application.created per application, from the one place the use case announces it.
    const db = t.orm.em.getConnection();
    const expected = [];
    for (const s of sent.values()) {
      const [row] = await db.execute<{ id: string }[]>(`select id from applications where organization_id = ?`, [s.org.organizationId]);
      expected.push({ organizationId: s.org.organizationId, applicationId: row!.id, postingId: s.posting });
    }
    expect(created).toEqual(expected);
  });
});
