import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { apply, codeOf, createPosting, orgWithTokens, PUBLIC } from '../applications/helpers';
import { boardIdOf } from '../compat/helpers';
import { openForm, submitForm } from '../career-pages/helpers';
import { samples } from '../uploads/helpers';

const PUBLISH = 'mutation($input: PublishPrivacyNoticeInput!) { publishPrivacyNotice(input: $input) { version text url publishedAt } }';
const RECORDED = 'query($id: ID!) { application(id: $id) { privacyNoticeVersion privacyNoticeAcceptedAt consent { store marketing } } }';

/**
 * Versioned privacy notices: published by a Super Admin, shown on the public posting and
 * the hosted form, and recorded (version and time) on the application by every apply
 * path — GraphQL, the hosted form, Lever's and Greenhouse's — whose consent flags land
 * on the same record.
 */
describe('privacy notices recorded with each application', () => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof orgWithTokens>>;
  let posting: string;
  const recorded = async (id: string) => {
    const res = await t.gql<{ application: { privacyNoticeVersion: number | null; privacyNoticeAcceptedAt: string | null; consent: { store: boolean; marketing: boolean } } }>(RECORDED, { id }, { token: o.admin });
    if (!res.data?.application) throw new Error(JSON.stringify(res.errors));
    return res.data.application;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    o = await orgWithTokens(t);
    posting = await createPosting(t, o.admin, { title: 'Noticed posting' });
  }, 60_000);
  afterAll(async () => t?.close());

  it('records no version before any notice is published', async () => {
    const res = await apply(t, o.key, posting, { name: 'Early Bird', email: 'early@example.com' });
    expect(res.errors).toBeUndefined();
    expect(await recorded(res.data!.applyToPosting.applicationId)).toMatchObject({ privacyNoticeVersion: null, privacyNoticeAcceptedAt: null });
  });

  it('publishes versions (Super Admins only), shown on the organization and the public posting', async () => {
    const member = await userWithRole(t, o.org, o.admin, 'TEAM_MEMBER');
    expect(codeOf(await t.gql(PUBLISH, { input: { text: 'x' } }, { token: member.token }))).toBe('FORBIDDEN');
    const bad = await t.gql(PUBLISH, { input: { text: ' ', url: 'ftp://x' } }, { token: o.admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('text');
    expect(JSON.stringify(bad.errors)).toContain('url');

    const v1 = await t.gql<{ publishPrivacyNotice: { version: number } }>(PUBLISH, { input: { text: 'We keep your data for 180 days.' } }, { token: o.admin });
    const v2 = await t.gql<{ publishPrivacyNotice: { version: number } }>(PUBLISH, { input: { text: 'We keep your data for 6 months; see the policy.', url: 'https://example.com/privacy' } }, { token: o.admin });
    expect([v1.data?.publishPrivacyNotice.version, v2.data?.publishPrivacyNotice.version]).toEqual([1, 2]);

    const admin = await t.gql<{ organization: { privacyNotice: { version: number } }; privacyNotices: { version: number }[] }>('{ organization { privacyNotice { version } } privacyNotices { version } }', {}, { token: o.admin });
    expect(admin.data?.organization.privacyNotice.version).toBe(2);
    expect(admin.data?.privacyNotices.map((n) => n.version)).toEqual([2, 1]);

    const pub = await t.gql<{ posting: { privacyNotice: { version: number; url: string; text: string } } }>(
      'query($id: ID!) { posting(id: $id) { privacyNotice { version url text } } }',
      { id: posting },
      { token: o.key, path: PUBLIC },
    );
    expect(pub.errors).toBeUndefined();
    expect(pub.data?.posting.privacyNotice).toEqual({ version: 2, url: 'https://example.com/privacy', text: 'We keep your data for 6 months; see the policy.' });
  });

  it('GraphQL apply: the version shown, or the current one; an unpublished one is refused naming the field', async () => {
    const shown = await apply(t, o.key, posting, { name: 'Shown One', email: 'shown@example.com', consent: { store: true, privacyNoticeVersion: 1 } });
    expect(await recorded(shown.data!.applyToPosting.applicationId)).toMatchObject({ privacyNoticeVersion: 1, consent: { store: true } });
    const current = await apply(t, o.key, posting, { name: 'Current One', email: 'current@example.com' });
    const stored = await recorded(current.data!.applyToPosting.applicationId);
    expect(stored.privacyNoticeVersion).toBe(2);
    expect(Math.abs(new Date(stored.privacyNoticeAcceptedAt!).getTime() - Date.now())).toBeLessThan(60_000);
    const future = await apply(t, o.key, posting, { name: 'Future One', email: 'future@example.com', consent: { privacyNoticeVersion: 3 } });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(future.errors)).toContain('consent.privacyNoticeVersion');
  });

  it('hosted form: shows the current notice and records its version', async () => {
    const path = `/jobs/${o.org.slug}/${posting}/apply`;
    const form = await openForm(t, path);
    expect(form.html).toContain('We keep your data for 6 months; see the policy.');
    expect(form.html).toContain('name="privacy_notice_version" value="2"');
    const res = await submitForm(t, path, null, [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Form Filler' },
      { name: 'email', value: 'form@example.com' },
      { name: 'privacy_notice_version', value: '2' },
      { name: 'consent_store', value: 'yes' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    expect(res.status, res.body).toBe(303);
    const rows = await t.orm.em.getConnection().execute<{ id: string }[]>("select id from applications where email = 'form@example.com'");
    expect(await recorded(rows[0]!.id)).toMatchObject({ privacyNoticeVersion: 2, consent: { store: true } });
  });

  it("Lever's consent and Greenhouse's data_compliance land on the same record, with the current version", async () => {
    const lever = await t.app.inject({
      method: 'POST',
      url: `/v0/postings/${o.org.slug}/${posting}?key=${encodeURIComponent(o.key)}`,
      headers: { 'content-type': 'application/json' },
      payload: { name: 'Lever Person', email: 'lever@example.com', consent: { store: true, marketing: true } },
    });
    expect(lever.statusCode, lever.body).toBe(200);
    expect(await recorded(lever.json().applicationId)).toMatchObject({ privacyNoticeVersion: 2, consent: { store: true, marketing: true } });

    const boardId = await boardIdOf(t, o.org.slug, 'Noticed posting');
    const gh = await t.app.inject({
      method: 'POST',
      url: `/v1/boards/${o.org.slug}/jobs/${boardId}`,
      headers: { authorization: `Basic ${Buffer.from(`${o.key}:`).toString('base64')}` },
      payload: { first_name: 'Green', last_name: 'House', email: 'gh@example.com', data_compliance: { gdpr_retention_consent_given: true } },
    });
    expect(gh.statusCode, gh.body).toBe(200);
    expect(await recorded(gh.json().application_id)).toMatchObject({ privacyNoticeVersion: 2, consent: { store: true, marketing: false } });
  });
});
