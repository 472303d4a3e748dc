import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/multipart';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { samples } from '../uploads/helpers';
import { boardIdOf, createPosting, orgWithTokens, setState } from './helpers';

const QUESTIONS = [
  { id: 'why', label: 'Why us?', kind: 'TEXTAREA', required: true },
  { id: 'permit', label: 'Work permit', kind: 'SINGLE_SELECT', required: true, options: ['EU', 'Other'] },
  { id: 'langs', label: 'Languages', kind: 'MULTI_SELECT', required: false, options: ['TS', 'Go'] },
  { id: 'relocate', label: 'Relocate?', kind: 'BOOLEAN', required: false },
  { id: 'portfolio', label: 'Portfolio', kind: 'FILE', required: false },
];

const APPLICATION = `query($id: ID!) { application(id: $id) { name email phone currentCompany comments source consent { marketing store } ip
  urls { label url } answers { questionId text choices boolean fileId } resume { filename contentType size } posting { id } } }`;

interface StoredAnswer {
  questionId: string;
  text?: string;
  choices?: string[];
  boolean?: boolean;
  fileId?: string;
}
type StoredApplication = Record<string, unknown> & { answers: StoredAnswer[]; urls: unknown; resume: unknown };

describe('drop-in applies', () => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof orgWithTokens>>;
  let posting: string;
  let boardId: number;
  const lever = (id = posting, key = o.key) => `/v0/postings/${o.org.slug}/${id}?key=${encodeURIComponent(key)}`;
  const gh = (id: number | string = boardId) => `/v1/boards/${o.org.slug}/jobs/${id}`;
  const basic = (key = o.key) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  const application = async (id: string) => {
    const res = await t.gql<{ application: StoredApplication }>(APPLICATION, { id }, { token: o.admin });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.application;
  };

  beforeAll(async () => {
    // Generous apply limit except in the 429 test's own instance below.
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    o = await orgWithTokens(t);
    posting = await createPosting(t, o.admin, { title: 'Applied to', questions: QUESTIONS });
    boardId = await boardIdOf(t, o.org.slug, 'Applied to');
  });
  afterAll(async () => t?.close());

  it('Lever: multipart with a resume, links, consent and every kind of answer', async () => {
    const form = multipart([
      { name: 'name', value: 'Ada Lovelace' },
      { name: 'email', value: 'ada@example.com' },
      { name: 'phone', value: '+44 20 1234' },
      { name: 'org', value: 'Analytical Engines' },
      { name: 'urls[GitHub]', value: 'https://github.com/ada' },
      { name: 'urls[Portfolio]', value: 'https://ada.example.com' },
      { name: 'comments', value: 'Hello' },
      { name: 'silent', value: 'true' },
      { name: 'source', value: 'LinkedIn' },
      { name: 'ip', value: '184.23.195.146' },
      { name: 'consent[marketing]', value: 'true' },
      { name: 'consent[store]', value: 'false' },
      { name: 'answers[why]', value: 'Because.' },
      { name: 'answers[permit]', value: 'EU' },
      { name: 'answers[langs]', value: 'TS' },
      { name: 'answers[langs]', value: 'Go' },
      { name: 'answers[relocate]', value: 'true' },
      { name: 'answers[portfolio]', value: samples.pdf, filename: 'portfolio.pdf', contentType: 'application/pdf' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: lever(), headers: { 'content-type': form.contentType }, payload: form.body });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({ ok: true, applicationId: expect.any(String) });
    const a = await application(body.applicationId);
    expect(a).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 1234',
      currentCompany: 'Analytical Engines',
      comments: 'Hello',
      source: 'LinkedIn',
      ip: '184.23.195.146',
      consent: { marketing: true, store: false },
      urls: [{ label: 'GitHub', url: 'https://github.com/ada' }, { label: 'Portfolio', url: 'https://ada.example.com' }],
      resume: { filename: 'cv.pdf', contentType: 'application/pdf' },
      posting: { id: posting },
    });
    const answers = Object.fromEntries(a.answers.map((x: StoredAnswer) => [x.questionId, x]));
    expect(answers.why.text).toBe('Because.');
    expect(answers.permit.choices).toEqual(['EU']);
    expect(answers.langs.choices).toEqual(['TS', 'Go']);
    expect(answers.relocate.boolean).toBe(true);
    expect(answers.portfolio.fileId).toEqual(expect.any(String));
  });

  it('Lever: JSON and urlencoded bodies', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: lever(),
      payload: { name: 'Grace Hopper', email: 'grace@example.com', urls: { Site: 'https://grace.example.com' }, consent: { store: true }, answers: { why: 'Ships', permit: 'Other' } },
    });
    expect(json.statusCode, json.body).toBe(200);
    const a = await application(json.json().applicationId);
    expect(a).toMatchObject({ name: 'Grace Hopper', consent: { marketing: false, store: true }, urls: [{ label: 'Site', url: 'https://grace.example.com' }] });

    const form = new URLSearchParams({ name: 'Alan Turing', email: 'alan@example.com', 'answers[why]': 'Enigma', 'answers[permit]': 'EU', 'urls[Blog]': 'https://alan.example.com' });
    const res = await t.app.inject({ method: 'POST', url: lever(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(res.statusCode, res.body).toBe(200);
    expect((await application(res.json().applicationId)).urls).toEqual([{ label: 'Blog', url: 'https://alan.example.com' }]);
  });

  it('Lever: errors in Lever\'s shape with Lever\'s codes, never 5xx', async () => {
    const valid = { name: 'X Y', email: 'x@example.com', answers: { why: 'a', permit: 'EU' } };
    const cases: [string, string, unknown, number, RegExp][] = [
      ['bad key', lever(posting, 'jgp_wrong'), valid, 403, /^Invalid api key$/],
      ['no key', `/v0/postings/${o.org.slug}/${posting}`, valid, 403, /^Invalid api key$/],
      ['unknown posting', lever('00000000-0000-4000-8000-000000000000'), valid, 404, /^Document not found$/],
      ['bad id', lever('nope'), valid, 404, /^Document not found$/],
      ['unknown site', `/v0/postings/nobody-at-all/${posting}?key=${o.key}`, valid, 404, /^Document not found$/],
      ['missing name', lever(), { email: 'x@example.com', answers: { why: 'a', permit: 'EU' } }, 400, /name: is required/],
      ['required question', lever(), { name: 'X Y', email: 'x@example.com', answers: { permit: 'EU' } }, 400, /answers\[why\]: is required/],
      ['over-long name', lever(), { ...valid, name: 'n'.repeat(300) }, 400, /name: must be at most 255/],
      ['wrong type', lever(), { ...valid, email: ['a@b.co'] }, 400, /email: must be a single text value/],
      ['wrong type urls', lever(), { ...valid, urls: 'https://x.example.com' }, 400, /urls: must be an object/],
      ['bad option', lever(), { ...valid, answers: { why: 'a', permit: 'Mars' } }, 400, /answers\[permit\]/],
      ['unknown question', lever(), { ...valid, answers: { why: 'a', permit: 'EU', nope: 'x' } }, 400, /answers\[nope\]: unknown question/],
      ['bad ip', lever(), { ...valid, ip: 'not-an-ip' }, 400, /ip: must be an IPv4 or IPv6 address/],
    ];
    for (const [name, url, payload, status, error] of cases) {
      const res = await t.app.inject({ method: 'POST', url, payload: payload as object });
      expect(res.statusCode, name).toBe(status);
      expect(res.json().ok, name).toBe(false);
      expect(res.json().error, name).toMatch(error);
    }
    const broken = await t.app.inject({ method: 'POST', url: lever(), headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().ok).toBe(false);
    const badResume = multipart([{ name: 'name', value: 'X Y' }, { name: 'email', value: 'x@example.com' }, { name: 'answers[why]', value: 'a' }, { name: 'answers[permit]', value: 'EU' }, { name: 'resume', value: samples.png, filename: 'cv.pdf' }]);
    const resumeRes = await t.app.inject({ method: 'POST', url: lever(), headers: { 'content-type': badResume.contentType }, payload: badResume.body });
    expect(resumeRes.statusCode).toBe(400);
    expect(resumeRes.json().error).toMatch(/^resume: must be a pdf/);
    const hidden = await createPosting(t, o.admin, { title: 'Closed one' });
    await setState(t, o.admin, hidden, 'CLOSED');
    expect((await t.app.inject({ method: 'POST', url: lever(hidden), payload: valid })).statusCode).toBe(404);
  });

  it('Greenhouse: base64 resume in JSON, answers by value, consent, Basic auth', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: gh(),
      headers: { authorization: basic() },
      payload: {
        first_name: 'Sammy',
        last_name: 'McSamson',
        email: 'sammy@example.com',
        phone: '3337778888',
        resume_content: samples.pdf.toString('base64'),
        resume_content_filename: 'resume.pdf',
        cover_letter_text: 'Dear team',
        question_why: 'Because',
        question_permit: 1,
        question_langs: [0, 1],
        question_relocate: 0,
        question_portfolio_content: samples.pdf.toString('base64'),
        question_portfolio_content_filename: 'p.pdf',
        mapped_url_token: 'token12345',
        data_compliance: { gdpr_consent_given: true },
        educations: [{ school_name_id: '1' }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ success: 'Candidate saved successfully' });
    const a = await application(res.json().application_id);
    expect(a).toMatchObject({ name: 'Sammy McSamson', email: 'sammy@example.com', phone: '3337778888', comments: 'Dear team', source: 'token12345', consent: { store: true } });
    expect(a.resume).toMatchObject({ filename: 'resume.pdf', contentType: 'application/pdf' });
    const answers = Object.fromEntries(a.answers.map((x: StoredAnswer) => [x.questionId, x]));
    expect(answers.permit.choices).toEqual(['Other']);
    expect(answers.langs.choices).toEqual(['TS', 'Go']);
    expect(answers.relocate.boolean).toBe(false);
    expect(answers.portfolio.fileId).toEqual(expect.any(String));
  });

  it('Greenhouse: multipart with a resume file, and resume_text as a plain-text resume', async () => {
    const form = multipart([
      { name: 'first_name', value: 'Multi' },
      { name: 'last_name', value: 'Part' },
      { name: 'email', value: 'mp@example.com' },
      { name: 'question_why', value: 'x' },
      { name: 'question_permit', value: '0' },
      { name: 'question_langs[]', value: '1' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: gh(), headers: { authorization: basic(), 'content-type': form.contentType }, payload: form.body });
    expect(res.statusCode, res.body).toBe(200);
    expect((await application(res.json().application_id)).answers.find((x: StoredAnswer) => x.questionId === 'langs')!.choices).toEqual(['Go']);

    const text = await t.app.inject({ method: 'POST', url: gh(), headers: { authorization: basic() }, payload: { first_name: 'Plain', last_name: 'Text', email: 'pt@example.com', resume_text: 'I weave baskets.', question_why: 'x', question_permit: 0 } });
    expect(text.statusCode, text.body).toBe(200);
    expect((await application(text.json().application_id)).resume).toMatchObject({ filename: 'resume.txt', contentType: expect.stringContaining('text/plain') });
  });

  it('Greenhouse: errors in Greenhouse\'s shape and status, never 5xx', async () => {
    const valid = { first_name: 'A', last_name: 'B', email: 'ab@example.com', question_why: 'x', question_permit: 0 };
    const cases: [string, string, Record<string, string>, unknown, number, RegExp][] = [
      ['no auth', gh(), {}, valid, 401, /^Unauthorized$/],
      ['wrong key', gh(), { authorization: basic('jgp_nope') }, valid, 401, /^Unauthorized$/],
      ['unknown job', gh(999999999), { authorization: basic() }, valid, 404, /^Job not found$/],
      ['bad job id', gh('abc'), { authorization: basic() }, valid, 404, /^Job not found$/],
      ['missing first name', gh(), { authorization: basic() }, { ...valid, first_name: '' }, 400, /first_name: is required/],
      ['long last name', gh(), { authorization: basic() }, { ...valid, last_name: 'b'.repeat(256) }, 400, /last_name: must be at most 255/],
      ['url in name', gh(), { authorization: basic() }, { ...valid, first_name: 'visit www.spam.com' }, 400, /first_name\/last_name: must not contain a URL/],
      ['required question', gh(), { authorization: basic() }, { ...valid, question_why: '' }, 400, /answers\[why\]: is required/],
      ['bad option value', gh(), { authorization: basic() }, { ...valid, question_permit: 7 }, 400, /question_permit: not an option value/],
      ['wrong type', gh(), { authorization: basic() }, { ...valid, email: { a: 1 } }, 400, /email: must be a single text value/],
      ['bad resume type', gh(), { authorization: basic() }, { ...valid, resume_content: samples.png.toString('base64'), resume_content_filename: 'x.png' }, 400, /resume: must be a pdf/],
      ['empty resume_content means no resume', gh(), { authorization: basic() }, { ...valid, resume_content: '', resume_content_filename: 'x.pdf' }, 200, /.*/],
      ['not base64', gh(), { authorization: basic() }, { ...valid, resume_content: '%%%', resume_content_filename: 'x.pdf' }, 400, /resume_content: must be base64/],
      ['resume by url', gh(), { authorization: basic() }, { ...valid, resume_url: 'http://169.254.169.254/', resume_url_filename: 'x.pdf' }, 400, /resume_url: attachments by URL are not supported/],
      ['cover letter file', gh(), { authorization: basic() }, { ...valid, cover_letter_content: 'SGk=', cover_letter_content_filename: 'c.txt' }, 400, /cover_letter: cover letter files are not supported/],
    ];
    for (const [name, url, headers, payload, status, error] of cases) {
      const res = await t.app.inject({ method: 'POST', url, headers, payload: payload as object });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      if (status !== 200) expect(res.json(), name).toEqual({ status, error: expect.stringMatching(error) });
    }
  });

  it('both dialects share the public apply rate limit: 429 with Retry-After in each shape', async () => {
    const limited = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '1' } });
    try {
      const l = await orgWithTokens(limited);
      const id = await createPosting(limited, l.admin, { title: 'Busy' });
      const board = await boardIdOf(limited, l.org.slug, 'Busy');
      const results = [];
      for (let i = 0; i < 3; i++) {
        results.push(await limited.app.inject({ method: 'POST', url: `/v0/postings/${l.org.slug}/${id}?key=${l.key}`, payload: { name: 'R L', email: `r${i}@example.com` } }));
      }
      const lever429 = results.find((r) => r.statusCode === 429);
      expect(lever429, results.map((r) => r.statusCode).join()).toBeDefined();
      expect(lever429!.headers['retry-after']).toBeDefined();
      expect(lever429!.json()).toMatchObject({ ok: false, error: expect.stringMatching(/applications per second/) });
      const gh429 = await limited.app.inject({
        method: 'POST',
        url: `/v1/boards/${l.org.slug}/jobs/${board}`,
        headers: { authorization: `Basic ${Buffer.from(`${l.key}:`).toString('base64')}` },
        payload: { first_name: 'R', last_name: 'L', email: 'gh@example.com' },
      });
      expect(gh429.statusCode).toBe(429);
      expect(gh429.headers['retry-after']).toBeDefined();
      expect(gh429.json()).toMatchObject({ status: 429 });
    } finally {
      await limited.close();
    }
  });
});
