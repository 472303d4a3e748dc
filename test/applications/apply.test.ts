import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { samples } from '../uploads/helpers';
import { APPLICATION_FIELDS, apply, applyFixture, codeOf, countRows, minimalInput, stage, type ApplicationJson, type ApplyFixture } from './helpers';

let t: TestApp;
let f: ApplyFixture;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '1000' } });
  f = await applyFixture(t);
});
afterAll(async () => t?.close());

async function readApplication(id: string) {
  const res = await t.gql<{ application: ApplicationJson }>(`query($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`, { id }, { token: f.admin });
  expect(res.errors).toBeUndefined();
  return res.data!.application;
}

describe('applyToPosting: the happy path', () => {
  it('stores a full application with a resume and an answer of every question kind', async () => {
    const resume = await stage(t, f.key, 'RESUME', samples.pdf, 'ada.pdf');
    const portfolio = await stage(t, f.key, 'ATTACHMENT', samples.docx, 'portfolio.docx');
    const input = {
      name: '  Ada Lovelace ',
      email: 'Ada@Example.com',
      phone: '+44 20 7946 0000',
      currentCompany: 'Analytical Engines Ltd',
      urls: [{ label: 'GitHub', url: 'https://github.com/ada' }, { url: 'http://ada.example.com/' }],
      comments: 'Looking forward to it.',
      resumeUploadId: resume,
      answers: [
        { questionId: 'q-text', text: 'Because engines.' },
        { questionId: 'q-area', text: 'Line one\nLine two' },
        { questionId: 'q-single', choices: ['EU'] },
        { questionId: 'q-multi', choices: ['TypeScript', 'Rust'] },
        { questionId: 'q-file', uploadId: portfolio },
        { questionId: 'q-bool', boolean: true },
      ],
      consent: { marketing: true, store: false },
      source: 'LinkedIn',
      timezone: 'Europe/London',
    };
    const res = await apply(t, f.key, f.quiz, input, { headers: { 'user-agent': 'career-site/1.0' }, remoteAddress: '203.0.113.9' });
    expect(res.errors).toBeUndefined();
    const id = res.data!.applyToPosting.applicationId;

    const app = await readApplication(id);
    expect(app).toMatchObject({
      id,
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      phone: '+44 20 7946 0000',
      currentCompany: 'Analytical Engines Ltd',
      status: 'ACTIVE',
      archiveReason: null,
      confidential: false,
      source: 'LinkedIn',
      timezone: 'Europe/London',
      ip: '203.0.113.9',
      comments: 'Looking forward to it.',
      consent: { marketing: true, store: false },
      urls: [{ label: 'GitHub', url: 'https://github.com/ada' }, { label: null, url: 'http://ada.example.com/' }],
      candidate: { name: 'Ada Lovelace', email: 'Ada@Example.com', phone: '+44 20 7946 0000' },
      posting: { id: f.quiz, title: 'Quiz posting' },
      resume: { id: resume, filename: 'ada.pdf', contentType: 'application/pdf', size: samples.pdf.length },
      createdBy: { type: 'API_CREDENTIAL' },
    });
    expect(app.answers).toEqual([
      { questionId: 'q-text', text: 'Because engines.', choices: null, fileId: null, boolean: null },
      { questionId: 'q-area', text: 'Line one\nLine two', choices: null, fileId: null, boolean: null },
      { questionId: 'q-single', text: null, choices: ['EU'], fileId: null, boolean: null },
      { questionId: 'q-multi', text: null, choices: ['TypeScript', 'Rust'], fileId: null, boolean: null },
      { questionId: 'q-file', text: null, choices: null, fileId: portfolio, boolean: null },
      { questionId: 'q-bool', text: null, choices: null, fileId: null, boolean: true },
    ]);

    const audit = await t.gql<{ auditEvents: { nodes: { action: string; targetId: string; actorType: string }[] } }>(
      `{ auditEvents(filter: { action: "application.created" }, first: 50) { nodes { action targetId actorType } } }`,
      {},
      { token: f.admin },
    );
    expect(audit.data!.auditEvents.nodes).toContainEqual({ action: 'application.created', targetId: id, actorType: 'API_CREDENTIAL' });
  });

  it('accepts the minimum: a name and an e-mail, without a resume', async () => {
    const res = await apply(t, f.key, f.plain, minimalInput());
    expect(res.errors).toBeUndefined();
    const app = await readApplication(res.data!.applyToPosting.applicationId);
    expect(app).toMatchObject({ resume: null, answers: [], urls: [], consent: { marketing: false, store: false }, posting: { id: f.plain } });
  });

  it('deduplicates candidates by e-mail, case-insensitively, and keeps the latest name', async () => {
    const first = await apply(t, f.key, f.plain, minimalInput({ name: 'Grace Hopper', email: 'grace@navy.example', phone: '555-0100' }));
    const second = await apply(t, f.key, f.plain, minimalInput({ name: 'Grace B. Hopper', email: 'GRACE@Navy.Example' }));
    const a = await readApplication(first.data!.applyToPosting.applicationId);
    const b = await readApplication(second.data!.applyToPosting.applicationId);
    expect(a.id).not.toBe(b.id);
    expect(a.candidate.id).toBe(b.candidate.id);
    expect(b.candidate).toMatchObject({ name: 'Grace B. Hopper', email: 'GRACE@Navy.Example', phone: '555-0100' });
    expect(await countRows(t, 'candidates', f.org.organizationId, `and email_key = 'grace@navy.example'`)).toBe(1);
  });
  it('creates one candidate for concurrent applies from the same address', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => apply(t, f.key, f.plain, minimalInput({ email: i % 2 ? 'Same@Person.example' : 'same@person.example' }))));
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(await countRows(t, 'candidates', f.org.organizationId, `and email_key = 'same@person.example'`)).toBe(1);
    expect(await countRows(t, 'applications', f.org.organizationId, `and lower(email) = 'same@person.example'`)).toBe(8);
  });
});

describe('applyToPosting: uploads', () => {
  it('refuses an upload used before, naming the field', async () => {
    const resume = await stage(t, f.key);
    expect((await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: resume }))).errors).toBeUndefined();
    const again = await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: resume }));
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.extensions!.field).toBe('resumeUploadId');
    expect(again.errors![0]!.message).toMatch(/already used/);
  });

  it("refuses another organization's upload, an unknown one, and one of the wrong purpose", async () => {
    const other = await applyFixture(t);
    const foreign = await stage(t, other.key);
    const res = await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: foreign }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('resumeUploadId');

    const unknown = await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.errors![0]!.extensions!.field).toBe('resumeUploadId');

    const attachment = await stage(t, f.key, 'ATTACHMENT');
    const wrongPurpose = await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: attachment }));
    expect(wrongPurpose.errors![0]!.extensions!.field).toBe('resumeUploadId');
    expect(wrongPurpose.errors![0]!.message).toMatch(/ATTACHMENT/);
    // The other organization's upload was not claimed by the refused attempt.
    expect((await apply(t, other.key, other.plain, minimalInput({ resumeUploadId: foreign }))).errors).toBeUndefined();
  });
});

describe('applyToPosting: a failure leaves nothing behind', () => {
  it('rolls back the candidate, the resume claim and the audit event when a later upload claim fails', async () => {
    const org = f.org.organizationId;
    const resume = await stage(t, f.key);
    const usedAttachment = await stage(t, f.key, 'ATTACHMENT');
    const answers = (fileId: string) => [
      { questionId: 'q-text', text: 'x' },
      { questionId: 'q-area', text: 'y' },
      { questionId: 'q-single', choices: ['US'] },
      { questionId: 'q-multi', choices: ['Go'] },
      { questionId: 'q-file', uploadId: fileId },
    ];
    expect((await apply(t, f.key, f.quiz, minimalInput({ answers: answers(usedAttachment) }))).errors).toBeUndefined();

    const before = { apps: await countRows(t, 'applications', org), candidates: await countRows(t, 'candidates', org), audit: await countRows(t, 'audit_events', org) };
    const email = 'rollback@example.com';
    // The resume is claimed first inside the transaction; the FILE answer's claim then fails.
    const res = await apply(t, f.key, f.quiz, minimalInput({ email, resumeUploadId: resume, answers: answers(usedAttachment) }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('answers[q-file]');

    expect(await countRows(t, 'applications', org)).toBe(before.apps);
    expect(await countRows(t, 'candidates', org)).toBe(before.candidates);
    expect(await countRows(t, 'candidates', org, `and email_key = '${email}'`)).toBe(0);
    expect(await countRows(t, 'audit_events', org)).toBe(before.audit);
    // The resume claim was rolled back too: the same upload is still usable.
    const freshAttachment = await stage(t, f.key, 'ATTACHMENT');
    const retry = await apply(t, f.key, f.quiz, minimalInput({ email, resumeUploadId: resume, answers: answers(freshAttachment) }));
    expect(retry.errors).toBeUndefined();
  });
});
