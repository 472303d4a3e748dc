import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, type Part } from '../helpers/multipart';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { samples } from '../uploads/helpers';
import { boardIdOf, createPosting, orgWithTokens } from './helpers';

/**
 * Issue #19, findings 1 and 9 on the drop-in applies: file parts the job does not ask
 * for are refused before anything is stored, and every consent flag is named in errors
 * by the dialect's own field name.
 */
describe('drop-in apply fields', () => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof orgWithTokens>>;
  let posting: string;
  let boardId: number;
  const gh = () => `/v1/boards/${o.org.slug}/jobs/${boardId}`;
  const basic = () => `Basic ${Buffer.from(`${o.key}:`).toString('base64')}`;
  const lever = () => `/v0/postings/${o.org.slug}/${posting}?key=${encodeURIComponent(o.key)}`;
  const valid = { first_name: 'Gdpr', last_name: 'Tester', email: 'gdpr@example.com' };

  const storedFiles = async () => {
    const [row] = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from stored_files where organization_id = ?', [o.org.organizationId]);
    return Number(row!.n);
  };
  const storeObjects = async () => {
    let count = 0;
    for await (const batch of t.services.uploads.store.list()) count += batch.length;
    return count;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    o = await orgWithTokens(t);
    posting = await createPosting(t, o.admin, { title: 'Fields', questions: [{ id: 'portfolio', label: 'Portfolio', kind: 'FILE', required: false }] });
    boardId = await boardIdOf(t, o.org.slug, 'Fields');
  }, 60_000);
  afterAll(async () => t?.close());

  it('Greenhouse: a file part the job does not ask for is a 400 naming it, and nothing is stored', async () => {
    const rows = await storedFiles();
    const objects = await storeObjects();
    const text = Buffer.alloc(20_000, 'x');
    const parts: Part[] = [
      { name: 'first_name', value: 'Stray' },
      { name: 'last_name', value: 'Part' },
      { name: 'email', value: 'stray@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
      { name: 'junk', value: text, filename: 'junk.txt', contentType: 'text/plain' },
    ];
    const form = multipart(parts);
    const res = await t.app.inject({ method: 'POST', url: gh(), headers: { authorization: basic(), 'content-type': form.contentType }, payload: form.body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ status: 400, error: expect.stringMatching(/^junk: unexpected file/) });
    expect(await storedFiles()).toBe(rows);
    expect(await storeObjects()).toBe(objects);

    // The job's own file fields still work.
    const ok = multipart([...parts.slice(0, 4), { name: 'question_portfolio', value: text, filename: 'portfolio.txt', contentType: 'text/plain' }]);
    const accepted = await t.app.inject({ method: 'POST', url: gh(), headers: { authorization: basic(), 'content-type': ok.contentType }, payload: ok.body });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('Greenhouse: a bad data_compliance flag is named by its Greenhouse field name, in a form and in JSON', async () => {
    for (const key of ['gdpr_consent_given', 'gdpr_retention_consent_given', 'gdpr_processing_consent_given', 'gdpr_demographic_data_consent_given']) {
      const field = `data_compliance[${key}]`;
      const asForm = await t.app.inject({
        method: 'POST',
        url: gh(),
        headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ ...valid, [field]: 'maybe' }).toString(),
      });
      expect(asForm.statusCode, key).toBe(400);
      expect(asForm.json(), key).toEqual({ status: 400, error: `${field}: must be true or false` });
      const asJson = await t.app.inject({ method: 'POST', url: gh(), headers: { authorization: basic() }, payload: { ...valid, data_compliance: { [key]: 'maybe' } } });
      expect(asJson.json(), key).toEqual({ status: 400, error: `${field}: must be true or false` });
    }
    const given = await t.app.inject({ method: 'POST', url: gh(), headers: { authorization: basic() }, payload: { ...valid, email: 'given@example.com', data_compliance: { gdpr_consent_given: 'true' } } });
    expect(given.statusCode, given.body).toBe(200);
  });

  it('Lever: a bad consent flag is named consent[<name>], in a form and in JSON', async () => {
    for (const name of ['store', 'marketing']) {
      const asForm = await t.app.inject({
        method: 'POST',
        url: lever(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ name: 'Lever Consent', email: 'lc@example.com', [`consent[${name}]`]: 'maybe' }).toString(),
      });
      expect(asForm.statusCode, name).toBe(400);
      expect(asForm.json(), name).toMatchObject({ ok: false, error: `consent[${name}]: must be true or false` });
      const asJson = await t.app.inject({ method: 'POST', url: lever(), payload: { name: 'Lever Consent', email: 'lc@example.com', consent: { [name]: 'maybe' } } });
      expect(asJson.json(), name).toMatchObject({ ok: false, error: `consent[${name}]: must be true or false` });
    }
  });
});
