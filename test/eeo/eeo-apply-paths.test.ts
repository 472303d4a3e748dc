import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { applyFixture, codeOf, dataKey, minimalInput, PUBLIC, type ApplyFixture } from '../applications/helpers';
import { boardIdOf } from '../compat/helpers';
import { openForm, submitForm } from '../career-pages/helpers';
import { dumpDatabase } from '../data-rights/database-dump';
import { Receiver } from '../webhooks/receiver';
import { APPLY_WITH_EEO, eeoRowOf, SET_EEO } from './helpers';

/** Answer codes that exist nowhere but in an EEO answer: a dump line holding one is an EEO record. */
const TELLTALE = ['NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER', 'AMERICAN_INDIAN_OR_ALASKA_NATIVE', 'TWO_OR_MORE_RACES', 'PROTECTED_VETERAN', 'HISPANIC_OR_LATINO'];

/**
 * EEO answers through every apply path (public GraphQL, hosted form, Lever's eeoResponses,
 * Greenhouse's demographic_answers) land in eeo_responses, in the application's
 * transaction, and nowhere else: not the application row, its answers, audit diffs,
 * webhook payloads, the export or the admin schema.
 */
describe('EEO answers through every apply path', () => {
  let t: TestApp;
  let fx: ApplyFixture;
  let receiver: Receiver;
  const appIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0', JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', JOBGATE_WORKER_POLL_INTERVAL_MS: '200' } });
    receiver = await new Receiver().start();
    fx = await applyFixture(t);
    const set = await t.gql(SET_EEO, { input: { eeoQuestions: ['RACE_ETHNICITY', 'GENDER', 'VETERAN_STATUS', 'DISABILITY'] } }, { token: fx.admin });
    expect(set.errors).toBeUndefined();
    expect(set.data).toEqual({ updateOrganizationSettings: { settings: { eeoQuestions: ['GENDER', 'RACE_ETHNICITY', 'VETERAN_STATUS', 'DISABILITY'] } } });
    // A webhook subscriber: application.created payloads are checked for EEO answers too.
    const hook = await t.gql('mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }', { input: { url: receiver.url, eventTypes: ['application.created'] } }, { token: fx.admin });
    expect(hook.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('public GraphQL: the eeo argument is stored apart, in the application\'s transaction', async () => {
    t.statements.length = 0;
    const res = await t.gql<{ applyToPosting: { applicationId: string } }>(
      APPLY_WITH_EEO,
      { postingId: fx.plain, input: minimalInput({ name: 'Graph Q' }), eeo: { gender: 'FEMALE', race: 'NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER', veteran: 'PROTECTED_VETERAN', disability: 'DECLINE_TO_ANSWER' } },
      { token: fx.key, path: PUBLIC },
    );
    expect(res.errors).toBeUndefined();
    const id = res.data!.applyToPosting.applicationId;
    appIds.push(id);
    expect(await eeoRowOf(t, id)).toEqual({ application_id: id, posting_id: fx.plain, gender: 'FEMALE', race: 'NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER', veteran: 'PROTECTED_VETERAN', disability: 'DECLINE_TO_ANSWER' });
    // One transaction holds the application, its EEO row and its webhook message.
    const sql = t.statements.map((s) => s.trim().toLowerCase());
    const begin = sql.findIndex((s) => s.startsWith('begin'));
    const commit = sql.findIndex((s) => s.startsWith('commit'));
    const at = (re: RegExp) => sql.findIndex((s) => re.test(s));
    expect(begin).toBeGreaterThanOrEqual(0);
    for (const write of [/insert into applications/, /insert into eeo_responses/]) {
      expect(at(write)).toBeGreaterThan(begin);
      expect(at(write)).toBeLessThan(commit);
    }
  });

  it('without EEO answers the apply keeps its 2 statements, even with the questions on', async () => {
    // A fresh organization (no webhook subscriber) with the questions on.
    const other = await applyFixture(t);
    expect((await t.gql(SET_EEO, { input: { eeoQuestions: ['GENDER'] } }, { token: other.admin })).errors).toBeUndefined();
    await t.gql(APPLY_WITH_EEO, { postingId: other.plain, input: minimalInput() }, { token: other.key, path: PUBLIC }); // warm the key cache
    t.statements.length = 0;
    const res = await t.gql(APPLY_WITH_EEO, { postingId: other.plain, input: minimalInput(), eeo: null }, { token: other.key, path: PUBLIC });
    expect(res.errors).toBeUndefined();
    expect(t.statements).toHaveLength(2);
  });

  it('Lever: eeoResponses in Lever\'s own wording map onto the same record; the signature is not kept', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/v0/postings/${fx.org.slug}/${fx.plain}?key=${encodeURIComponent(fx.key)}`,
      payload: {
        name: 'Lever Candidate',
        email: 'lever-eeo@example.com',
        eeoResponses: { gender: 'Male', race: 'Two or More Races (Not Hispanic or Latino)', veteran: 'I am not a protected veteran', disability: "No, I don't have a disability", disabilitySignature: 'Lever Candidate', disabilitySignatureDate: '12/04/2026' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().applicationId as string;
    appIds.push(id);
    expect(await eeoRowOf(t, id)).toMatchObject({ gender: 'MALE', race: 'TWO_OR_MORE_RACES', veteran: 'NOT_A_PROTECTED_VETERAN', disability: 'NO' });
  });

  it('Greenhouse: the job lists demographic_questions, and demographic_answers by their ids map onto the same record', async () => {
    const boardId = await boardIdOf(t, fx.org.slug, 'Plain posting');
    const job = await t.app.inject({ method: 'GET', url: `/v1/boards/${fx.org.slug}/jobs/${boardId}?questions=true` });
    expect(job.statusCode).toBe(200);
    const demographics = job.json().demographic_questions as { questions: { id: number; label: string; answer_options: { id: number; label: string }[] }[] };
    expect(demographics.questions.map((q) => q.label)).toEqual(['Gender', 'Race / ethnicity', 'Veteran status', 'Disability status']);
    const race = demographics.questions[1]!;
    const hispanic = race.answer_options.find((o) => o.label === 'Hispanic or Latino')!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/boards/${fx.org.slug}/jobs/${boardId}`,
      headers: { authorization: `Basic ${Buffer.from(`${fx.key}:`).toString('base64')}` },
      payload: { first_name: 'Green', last_name: 'House', email: 'gh-eeo@example.com', demographic_answers: [{ question_id: race.id, answer_options: [{ answer_option_id: hispanic.id }] }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().application_id as string;
    appIds.push(id);
    expect(await eeoRowOf(t, id)).toMatchObject({ gender: null, race: 'HISPANIC_OR_LATINO', veteran: null, disability: null });
  });

  it('hosted form: the voluntary section is shown and its radios are stored apart', async () => {
    const path = `/jobs/${fx.org.slug}/${fx.plain}/apply`;
    const form = await openForm(t, path);
    expect(form.html).toContain('Voluntary self-identification (optional)');
    expect(form.html).toContain('name="eeo_race" value="AMERICAN_INDIAN_OR_ALASKA_NATIVE"');
    const email = 'hosted-eeo@example.com';
    const res = await submitForm(t, path, null, [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Hosted Candidate' },
      { name: 'email', value: email },
      { name: 'eeo_race', value: 'AMERICAN_INDIAN_OR_ALASKA_NATIVE' },
      { name: 'eeo_disability', value: 'YES' },
    ]);
    expect(res.status, res.body).toBe(303);
    const rows = await t.orm.em.getConnection().execute<{ id: string }[]>('select id from applications where email = ?', [email]);
    appIds.push(rows[0]!.id);
    expect(await eeoRowOf(t, rows[0]!.id)).toMatchObject({ race: 'AMERICAN_INDIAN_OR_ALASKA_NATIVE', disability: 'YES', gender: null });
  });

  it('bad values are BAD_USER_INPUT naming the field on every path, and write nothing', async () => {
    const before = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from applications');
    const gql = await t.gql(APPLY_WITH_EEO, { postingId: fx.plain, input: minimalInput(), eeo: { gender: 'ROBOT' } }, { token: fx.key, path: PUBLIC });
    expect(codeOf(gql)).toBe('BAD_USER_INPUT');
    expect(gql.errors![0]!.message).toContain('eeo.gender');

    const lever = await t.app.inject({ method: 'POST', url: `/v0/postings/${fx.org.slug}/${fx.plain}?key=${encodeURIComponent(fx.key)}`, payload: { name: 'L B', email: 'lb@example.com', eeoResponses: { race: 'Martian' } } });
    expect(lever.statusCode).toBe(400);
    expect(lever.body).toContain('eeoResponses[race]');

    const boardId = await boardIdOf(t, fx.org.slug, 'Plain posting');
    const auth = { authorization: `Basic ${Buffer.from(`${fx.key}:`).toString('base64')}` };
    const gh = await t.app.inject({ method: 'POST', url: `/v1/boards/${fx.org.slug}/jobs/${boardId}`, headers: auth, payload: { first_name: 'G', last_name: 'B', email: 'gb@example.com', demographic_answers: [{ question_id: 1, answer_options: [{ answer_option_id: 205 }] }] } });
    expect(gh.statusCode).toBe(400);
    expect(gh.json()).toEqual({ status: 400, error: expect.stringContaining('demographic_answers[0].answer_options[0].answer_option_id') });

    const path = `/jobs/${fx.org.slug}/${fx.plain}/apply`;
    const form = await openForm(t, path);
    const hosted = await submitForm(t, path, null, [{ name: 'token', value: form.token }, { name: 'name', value: 'Form Bad' }, { name: 'email', value: 'formbad@example.com' }, { name: 'eeo_gender', value: 'ROBOT' }]);
    expect(hosted.status).toBe(400);
    expect(hosted.body).toContain('<a href="#field-eeo_gender">Gender: must be one of');

    const after = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from applications');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers to questions the organization does not ask are not kept', async () => {
    const other = await applyFixture(t);
    expect((await t.gql(SET_EEO, { input: { eeoQuestions: ['GENDER'] } }, { token: other.admin })).errors).toBeUndefined();
    const res = await t.gql<{ applyToPosting: { applicationId: string } }>(APPLY_WITH_EEO, { postingId: other.plain, input: minimalInput(), eeo: { gender: 'MALE', race: 'ASIAN' } }, { token: other.key, path: PUBLIC });
    expect(await eeoRowOf(t, res.data!.applyToPosting.applicationId)).toMatchObject({ gender: 'MALE', race: null });
    const off = await applyFixture(t);
    const none = await t.gql<{ applyToPosting: { applicationId: string } }>(APPLY_WITH_EEO, { postingId: off.plain, input: minimalInput(), eeo: { gender: 'MALE' } }, { token: off.key, path: PUBLIC });
    expect(none.errors).toBeUndefined();
    expect(await eeoRowOf(t, none.data!.applyToPosting.applicationId)).toBeNull();
    // The hosted form of an organization that asks nothing shows no such section.
    expect((await openForm(t, `/jobs/${off.org.slug}/${off.plain}/apply`)).html).not.toContain('Voluntary self-identification');
  });

  it('nowhere else: not in any other table (audit diffs, webhook messages, the job queue), webhook deliveries, the export or the admin schema', { timeout: 60_000 }, async () => {
    // Every application.created delivery has arrived (4 applies so far in fx's organization).
    const deliveries = await receiver.waitFor(4);
    for (const d of deliveries) for (const code of TELLTALE) expect(d.body).not.toContain(code);

    const { text } = await dumpDatabase(String(t.orm.config.get('clientUrl')));
    // Which table each dump line belongs to (pg_dump's COPY sections, or the SQL fallback's headers).
    const tables = new Set<string>();
    let table = '';
    for (const line of text.split('\n')) {
      const header = /^COPY ([\w."]+) /.exec(line) ?? /^-- ([\w."]+)$/.exec(line);
      if (header) table = header[1]!.replace(/"/g, '');
      else if (TELLTALE.some((code) => line.includes(code))) tables.add(table);
    }
    expect([...tables]).toEqual(['public.eeo_responses']);
    const ids = appIds.map(() => '?').join(', ');
    const inEeo = await t.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from eeo_responses where application_id in (${ids})`, appIds);
    expect(Number(inEeo[0]!.n)).toBe(appIds.length);
    const applicationRows = await t.orm.em.getConnection().execute<Record<string, unknown>[]>(`select * from applications where id in (${ids})`, appIds);
    const audits = await t.orm.em.getConnection().execute<Record<string, unknown>[]>(`select * from audit_events where target_id in (${ids})`, appIds);
    expect(applicationRows).toHaveLength(appIds.length);
    expect(audits.length).toBeGreaterThanOrEqual(appIds.length);
    for (const code of TELLTALE) {
      expect(JSON.stringify(applicationRows)).not.toContain(code);
      expect(JSON.stringify(audits)).not.toContain(code);
    }

    const exported = await t.gql<{ exportCandidateData: unknown }>('mutation($email: String!) { exportCandidateData(email: $email) }', { email: 'lever-eeo@example.com' }, { token: fx.admin });
    expect(exported.errors).toBeUndefined();
    const doc = JSON.stringify(exported.data);
    expect(doc).toContain('Lever Candidate');
    for (const code of ['MALE', 'TWO_OR_MORE_RACES', 'NOT_A_PROTECTED_VETERAN', '"eeo', '"gender"', '"race"']) expect(doc).not.toContain(code);

    // The admin schema's Application has no EEO field at all: nothing to select.
    const type = await t.gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Application") { fields { name } } }', {}, { token: fx.admin });
    expect(type.data!.__type.fields.map((f) => f.name).filter((n) => /eeo|gender|race|veteran|disab/i.test(n))).toEqual([]);
    const member = await userWithRole(t, fx.org, fx.admin, 'TEAM_MEMBER');
    const viaMember = await t.gql('{ applications(first: 50) { nodes { id name answers { questionId text } } } }', {}, { token: member.token });
    for (const code of TELLTALE) expect(JSON.stringify(viaMember)).not.toContain(code);
    const reader = await dataKey(t, fx.admin, ['applications.list', 'applications.read'], true);
    const viaKey = await t.gql('{ applications(first: 50) { nodes { id comments answers { text choices } } } }', {}, { token: reader });
    for (const code of TELLTALE) expect(JSON.stringify(viaKey)).not.toContain(code);
  });
});
