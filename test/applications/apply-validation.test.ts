import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { pngBytes } from '../uploads/helpers';
import { apply, applyFixture, codeOf, countRows, createPosting, minimalInput, stage, type ApplyFixture } from './helpers';

let t: TestApp;
let f: ApplyFixture;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '1000' } });
  f = await applyFixture(t);
});
afterAll(async () => t?.close());

const validAnswers = (): Record<string, unknown>[] => [
  { questionId: 'q-text', text: 'x' },
  { questionId: 'q-area', text: 'y' },
  { questionId: 'q-single', choices: ['EU'] },
  { questionId: 'q-multi', choices: ['Go'] },
  { questionId: 'q-file', uploadId: '00000000-0000-4000-8000-000000000001' },
];

function withAnswer(questionId: string, answer: Record<string, unknown> | null): Record<string, unknown>[] {
  const rest = validAnswers().filter((a) => a.questionId !== questionId);
  return answer ? [...rest, { questionId, ...answer }] : rest;
}

/** [case, input overrides, posting, the field the error must name]. */
const CASES: [string, Record<string, unknown>, 'plain' | 'quiz', string][] = [
  ['an empty name', { name: '   ' }, 'plain', 'name'],
  ['a name over 255 characters', { name: 'A'.repeat(256) }, 'plain', 'name'],
  ['a name with a URL', { name: 'Buy now https://spam.example' }, 'plain', 'name'],
  ['a name with a bare domain', { name: 'cheap-pills.com' }, 'plain', 'name'],
  ['an empty e-mail', { email: '' }, 'plain', 'email'],
  ['an invalid e-mail', { email: 'not-an-email' }, 'plain', 'email'],
  ['an e-mail without a domain dot', { email: 'ada@localhost' }, 'plain', 'email'],
  ['an e-mail over 255 characters', { email: `${'a'.repeat(250)}@example.com` }, 'plain', 'email'],
  ['a phone over 50 characters', { phone: '1'.repeat(51) }, 'plain', 'phone'],
  ['a current company over 255 characters', { currentCompany: 'C'.repeat(256) }, 'plain', 'currentCompany'],
  ['more than 10 urls', { urls: Array.from({ length: 11 }, (_, i) => ({ url: `https://e.example/${i}` })) }, 'plain', 'urls'],
  ['a javascript: url', { urls: [{ url: 'https://ok.example' }, { url: 'https://ok2.example' }, { url: 'javascript:alert(1)' }] }, 'plain', 'urls[2].url'],
  ['an ftp url', { urls: [{ url: 'ftp://files.example/cv' }] }, 'plain', 'urls[0].url'],
  ['a url that is not one', { urls: [{ url: 'not a url' }] }, 'plain', 'urls[0].url'],
  ['comments over 10 000 characters', { comments: 'x'.repeat(10_001) }, 'plain', 'comments'],
  ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'plain', 'timezone'],
  ['a resume id that is not a UUID', { resumeUploadId: 'abc' }, 'plain', 'resumeUploadId'],
  ['a missing required question', { answers: withAnswer('q-text', null) }, 'quiz', 'answers[q-text]'],
  ['an empty required text answer', { answers: withAnswer('q-text', { text: '   ' }) }, 'quiz', 'answers[q-text]'],
  ['an unknown question', { answers: [...validAnswers(), { questionId: 'q-nope', text: 'hi' }] }, 'quiz', 'answers[q-nope]'],
  ['an answer to a posting without questions', { answers: [{ questionId: 'q-text', text: 'hi' }] }, 'plain', 'answers[q-text]'],
  ['a question answered twice', { answers: [...validAnswers(), { questionId: 'q-text', text: 'again' }] }, 'quiz', 'answers[q-text]'],
  ['a TEXT answer given as choices', { answers: withAnswer('q-text', { choices: ['EU'] }) }, 'quiz', 'answers[q-text]'],
  ['a TEXT answer over 1 000 characters', { answers: withAnswer('q-text', { text: 't'.repeat(1001) }) }, 'quiz', 'answers[q-text]'],
  ['a TEXTAREA answer given as a boolean', { answers: withAnswer('q-area', { boolean: true }) }, 'quiz', 'answers[q-area]'],
  ['a SINGLE_SELECT answer with two choices', { answers: withAnswer('q-single', { choices: ['EU', 'US'] }) }, 'quiz', 'answers[q-single]'],
  ['a SINGLE_SELECT answer not among the options', { answers: withAnswer('q-single', { choices: ['Mars'] }) }, 'quiz', 'answers[q-single]'],
  ['a SINGLE_SELECT answer given as text', { answers: withAnswer('q-single', { text: 'EU' }) }, 'quiz', 'answers[q-single]'],
  ['a MULTI_SELECT answer with an unknown option', { answers: withAnswer('q-multi', { choices: ['Go', 'COBOL'] }) }, 'quiz', 'answers[q-multi]'],
  ['a MULTI_SELECT answer with a repeated option', { answers: withAnswer('q-multi', { choices: ['Go', 'Go'] }) }, 'quiz', 'answers[q-multi]'],
  ['a MULTI_SELECT answer with no choice', { answers: withAnswer('q-multi', { choices: [] }) }, 'quiz', 'answers[q-multi]'],
  ['a FILE answer given as text', { answers: withAnswer('q-file', { text: 'see attached' }) }, 'quiz', 'answers[q-file]'],
  ['a FILE answer that is not an upload id', { answers: withAnswer('q-file', { uploadId: 'file.pdf' }) }, 'quiz', 'answers[q-file]'],
  ['a FILE answer with an unknown upload', { answers: validAnswers() }, 'quiz', 'answers[q-file]'],
  ['a BOOLEAN answer given as text', { answers: withAnswer('q-bool', { text: 'yes' }) }, 'quiz', 'answers[q-bool]'],
];

describe('applyToPosting validation: every refusal is BAD_USER_INPUT naming the field', () => {
  it.each(CASES)('%s', async (_name, overrides, posting, field) => {
    const before = await countRows(t, 'applications', f.org.organizationId);
    const res = await apply(t, f.key, f[posting], minimalInput(overrides));
    expect(res.status).toBe(200);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field);
    expect(fields).toContain(field);
    expect(res.errors![0]!.message).toContain(`${field}:`);
    expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before);
  });

  it('reports every problem at once', async () => {
    const res = await apply(t, f.key, f.quiz, { name: 'http://x.example', email: 'nope', answers: [] });
    const fields = (res.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'answers[q-text]', 'answers[q-area]', 'answers[q-single]', 'answers[q-multi]', 'answers[q-file]']));
    expect(fields).not.toContain('answers[q-bool]'); // optional
  });

  it('refuses a FILE answer pointing at a LOGO upload', async () => {
    const logo = await stage(t, f.admin, 'LOGO', pngBytes(), 'logo.png');
    const res = await apply(t, f.key, f.quiz, minimalInput({ answers: withAnswer('q-file', { uploadId: logo }) }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('answers[q-file]');
  });

  it('refuses one upload used twice in the same application', async () => {
    const resume = await stage(t, f.key);
    const res = await apply(t, f.key, f.quiz, minimalInput({ resumeUploadId: resume, answers: withAnswer('q-file', { uploadId: resume }) }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/answers\[q-file\]: this upload is already referenced/);
  });
});

describe('applyToPosting: only publicly visible postings exist', () => {
  it('answers NOT_FOUND with the same message for every reason', async () => {
    const other = await applyFixture(t);
    const ids: Record<string, string> = {
      draft: await createPosting(t, f.admin, { state: 'DRAFT' }),
      internal: await createPosting(t, f.admin, { state: 'INTERNAL' }),
      closed: await createPosting(t, f.admin, { state: 'CLOSED' }),
      confidential: await createPosting(t, f.admin, { confidential: true }),
      expired: await createPosting(t, f.admin, { expiresAt: new Date(Date.now() - 60_000).toISOString() }),
      otherOrganization: other.plain,
      absent: '00000000-0000-4000-8000-000000000000',
      notAUuid: 'posting-1',
    };
    const before = await countRows(t, 'applications', f.org.organizationId);
    for (const [reason, id] of Object.entries(ids)) {
      const res = await apply(t, f.key, id, minimalInput());
      expect(codeOf(res), reason).toBe('NOT_FOUND');
      expect(res.errors![0]!.message, reason).toBe(`Posting ${id} not found`);
    }
    expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before);
  });
});
