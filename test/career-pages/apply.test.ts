import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { applyFixture, type ApplyFixture } from '../applications/helpers';
import { samples } from '../uploads/helpers';
import { openForm, submitForm } from './helpers';
import type { Part } from '../helpers/multipart';

let t: TestApp;
let f: ApplyFixture;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '100' } });
  f = await applyFixture(t);
}, 60_000);

afterAll(() => t.close());

const formPath = (postingId: string) => `/jobs/${f.org.slug}/${postingId}/apply`;

async function applications(postingId: string) {
  const res = await t.gql<{ applications: { totalCount: number; nodes: { name: string; email: string; urls: { label: string; url: string }[]; answers: unknown[]; consent: { store: boolean }; createdBy: { name: string }; resume: { filename: string; contentType: string; size: number } | null }[] } }>(
    `query($p: ID!) { applications(filter: { postingId: $p }, first: 50) { totalCount nodes { name email urls { label url } answers { questionId text choices fileId boolean } consent { store } createdBy { name } resume { filename contentType size } } } }`,
    { p: postingId },
    { token: f.admin },
  );
  return res.data!.applications;
}

function quizParts(token: string, email: string): Part[] {
  return [
    { name: 'token', value: token },
    { name: 'name', value: 'Grace Hopper' },
    { name: 'email', value: email },
    { name: 'phone', value: '+1 555 0100' },
    { name: 'link_github', value: 'https://github.com/grace' },
    { name: 'resume', value: samples.pdf, filename: 'grace.pdf', contentType: 'application/pdf' },
    { name: 'q0', value: 'Because compilers.' },
    { name: 'q1', value: 'COBOL.' },
    { name: 'q2', value: 'US' },
    { name: 'q3', value: 'Go' },
    { name: 'q3', value: 'Rust' },
    { name: 'q4', value: samples.pdf, filename: 'portfolio.pdf', contentType: 'application/pdf' },
    { name: 'q5', value: 'yes' },
    { name: 'consent_store', value: 'yes' },
  ];
}

describe('the hosted apply form', () => {
  it('renders every question by kind, with a one-time token and no cookie', async () => {
    const form = await openForm(t, formPath(f.quiz));
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(form.html).toContain('<input type="text" name="q0"');
    expect(form.html).toContain('<textarea name="q1"');
    expect(form.html).toContain('type="radio" id="field-q2" name="q2" value="EU"');
    expect(form.html).toContain('type="checkbox" id="field-q3" name="q3" value="TypeScript"');
    expect(form.html).toContain('<input type="file" name="q4"');
    expect(form.html).toContain('name="q5" value="no"');
    expect(form.html).toContain('name="consent_store"');
    expect(form.html).not.toContain('<script');
    expect(form.headers['set-cookie']).toBeUndefined();
  });

  it('applies without JavaScript: 303 to the thank-you page, and the application with its resume is on the admin API', async () => {
    const form = await openForm(t, formPath(f.quiz));
    const res = await submitForm(t, formPath(f.quiz), null, quizParts(form.token, 'grace@example.com'));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/jobs/${f.org.slug}/${f.quiz}/thanks`);
    const thanks = await t.app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(thanks.body).toContain('Thank you for applying');
    const list = await applications(f.quiz);
    const app = list.nodes.find((a) => a.email === 'grace@example.com')!;
    expect(app).toMatchObject({ name: 'Grace Hopper', urls: [{ label: 'GitHub', url: 'https://github.com/grace' }], consent: { store: true }, createdBy: { name: 'Hosted career page' } });
    expect(app.resume).toMatchObject({ filename: 'grace.pdf', contentType: 'application/pdf', size: samples.pdf.length });
    expect(app.answers).toHaveLength(6);
  });

  it('creates one application for a double submit of the same form', async () => {
    const form = await openForm(t, formPath(f.plain));
    const parts = (): Part[] => [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Double Clicker' },
      { name: 'email', value: 'double@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ];
    const [a, b] = await Promise.all([submitForm(t, formPath(f.plain), null, parts()), submitForm(t, formPath(f.plain), null, parts())]);
    const c = await submitForm(t, formPath(f.plain), null, parts());
    expect([a.status, b.status, c.status]).toEqual([303, 303, 303]);
    const list = await applications(f.plain);
    expect(list.nodes.filter((n) => n.email === 'double@example.com')).toHaveLength(1);
  });

  it('shows each validation error next to its field, a summary linking to it, and keeps what was typed', async () => {
    const form = await openForm(t, formPath(f.quiz));
    const res = await submitForm(t, formPath(f.quiz), null, [
      { name: 'token', value: form.token },
      { name: 'name', value: '' },
      { name: 'email', value: 'not-an-email' },
      { name: 'phone', value: '+49 30 1234' },
      { name: 'link_portfolio', value: 'ftp://example.com' },
      { name: 'q0', value: 'Kept answer' },
      { name: 'q2', value: 'Mars' },
      { name: 'resume', value: Buffer.from([0, 1, 2, 3]), filename: 'x.bin' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body).toContain('<title>Error: Apply for');
    expect(res.body).toContain('There is a problem with your application');
    for (const [id, message] of [
      ['field-name', 'is required'],
      ['field-email', 'is not a valid e-mail address'],
      ['field-link_portfolio', 'must be an http or https URL'],
      ['field-resume', 'must be a pdf, doc, docx, rtf or plain-text'],
      ['field-q1', 'is required'],
      ['field-q2', 'not an option'],
      ['field-q4', 'is required'],
    ]) {
      expect(res.body, id).toContain(`<a href="#${id}">`);
      expect(res.body, id).toMatch(new RegExp(`<p class="error" id="${id}-error"><span class="skip">Error: </span>${message}`));
    }
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('value="+49 30 1234"');
    expect(res.body).toContain('value="Kept answer"');
    expect((await applications(f.quiz)).nodes.some((a) => a.email === 'not-an-email')).toBe(false);
  });

  it('streams files into the store and leaves nothing there when the form is refused, forged or too large', async () => {
    const objects = async () => {
      let count = 0;
      for await (const batch of t.services.uploads.store.list()) count += batch.length;
      return count;
    };
    const before = await objects();
    const form = await openForm(t, formPath(f.plain));
    const refused = await submitForm(t, formPath(f.plain), null, [
      { name: 'token', value: form.token },
      { name: 'name', value: '' },
      { name: 'email', value: 'refused@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'refused.pdf', contentType: 'application/pdf' },
    ]);
    expect(refused.status).toBe(400);
    const forged = await submitForm(t, formPath(f.plain), null, [
      { name: 'resume', value: samples.pdf, filename: 'forged.pdf', contentType: 'application/pdf' },
      { name: 'token', value: `${form.token.slice(0, -2)}xx` },
    ]);
    expect(forged.status).toBe(403);
    const huge = await submitForm(t, formPath(f.plain), null, [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Big File' },
      { name: 'email', value: 'big@example.com' },
      { name: 'resume', value: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), filename: 'big.txt', contentType: 'text/plain' },
    ]);
    expect(huge.status).toBe(400);
    expect(huge.body).toMatch(/id="field-resume-error"><span class="skip">Error: <\/span>must be at most 10 MB/);
    expect(await objects()).toBe(before);
  });

  it('refuses a forged token, a token of another posting and a post from another site (403, nothing written)', async () => {
    const form = await openForm(t, formPath(f.plain));
    const body = (token: string, email = 'mallory@example.com'): Part[] => [
      { name: 'token', value: token },
      { name: 'name', value: 'Mallory' },
      { name: 'email', value: email },
    ];
    const refused = async (path: string, headers: Record<string, string> | null, parts: Part[]) => {
      const res = await submitForm(t, path, headers, parts);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body).toContain('Please try again');
    };
    await refused(formPath(f.plain), null, body(`${form.token.slice(0, -2)}xx`));
    await refused(formPath(f.plain), null, body(''));
    await refused(formPath(f.quiz), null, body(form.token));
    // A cross-site form post (the forger's page), whatever token it carries.
    await refused(formPath(f.plain), { origin: 'https://evil.example' }, body(form.token));
    await refused(formPath(f.plain), { origin: 'null' }, body(form.token));
    await refused(formPath(f.plain), { referer: 'https://evil.example/page' }, body(form.token));
    await refused(formPath(f.plain), { origin: 'https://evil.example', referer: `http://localhost${formPath(f.plain)}` }, body(form.token));
    expect((await applications(f.plain)).nodes.some((a) => a.email === 'mallory@example.com')).toBe(false);
  });

  it('accepts a post from its own pages and from an allowed origin; a replayed token adds nothing', async () => {
    const ownPage = { origin: 'http://localhost', referer: `http://localhost${formPath(f.plain)}` };
    const own = await openForm(t, formPath(f.plain));
    const parts = (token: string, email: string): Part[] => [
      { name: 'token', value: token },
      { name: 'name', value: 'Ada' },
      { name: 'email', value: email },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
      { name: 'consent_store', value: 'yes' },
    ];
    expect((await submitForm(t, formPath(f.plain), ownPage, parts(own.token, 'own-origin@example.com'))).status).toBe(303);

    const settings = await t.gql(`mutation { updateOrganizationSettings(input: { allowedOrigins: ["https://careers.example.com"] }) { id } }`, {}, { token: f.admin });
    expect(settings.errors).toBeUndefined();
    const framed = await openForm(t, formPath(f.plain));
    expect(String(framed.headers['content-security-policy'])).toContain("frame-ancestors 'self' https://careers.example.com;");
    const fromAllowed = { origin: 'https://careers.example.com' };
    expect((await submitForm(t, formPath(f.plain), fromAllowed, parts(framed.token, 'allowed-origin@example.com'))).status).toBe(303);
    // The same token again, even with other content: the first application stands, no second one.
    const replay = await submitForm(t, formPath(f.plain), fromAllowed, parts(framed.token, 'replayed@example.com'));
    expect(replay.status).toBe(303);
    const emails = (await applications(f.plain)).nodes.map((a) => a.email);
    expect(emails.filter((e) => e === 'allowed-origin@example.com')).toHaveLength(1);
    expect(emails).toContain('own-origin@example.com');
    expect(emails).not.toContain('replayed@example.com');
    await t.gql(`mutation { updateOrganizationSettings(input: { allowedOrigins: [] }) { id } }`, {}, { token: f.admin });
  });
});

describe('the apply rate limit on the hosted form', () => {
  it('answers a friendly 429 page with the retry time', async () => {
    const limited = await startTestApp({ databaseUrl: t.databaseUrl, env: { JOBGATE_APPLY_RATE_PER_SECOND: '1' } });
    try {
      const statuses: number[] = [];
      let page = '';
      let retryAfter: unknown;
      for (let i = 0; i < 3; i++) {
        const form = await openForm(limited, formPath(f.plain));
        const res = await submitForm(limited, formPath(f.plain), null, [
          { name: 'token', value: form.token },
          { name: 'name', value: `Rapid ${i}` },
          { name: 'email', value: `rapid-${i}@example.com` },
        ], '203.0.113.9');
        statuses.push(res.status);
        if (res.status === 429) {
          page = res.body;
          retryAfter = res.headers['retry-after'];
        }
      }
      expect(statuses[0]).toBe(303);
      expect(statuses).toContain(429);
      expect(page).toContain('Too many applications at once');
      expect(page).toMatch(/Please wait \d+ seconds? and send the form again/);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
