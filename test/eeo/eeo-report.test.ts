import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/auth/catalog';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { applyFixture, codeOf, createPosting, dataKey, minimalInput, PUBLIC, type ApplyFixture } from '../applications/helpers';
import { APPLY_WITH_EEO, cellsOf, EEO_REPORT, eeoRowOf, SET_EEO, type Report } from './helpers';

/**
 * The EEO report: counts per question and answer under `applications.eeo` only, every
 * cell under 5 suppressed, one more when a single suppressed cell could be worked out
 * from the total, and nothing at all for fewer than 5 responses. Erasure takes the
 * answers with the application.
 */
describe('EEO report', () => {
  let t: TestApp;
  let fx: ApplyFixture;
  let small: string;
  const emails: string[] = [];

  async function applyWith(postingId: string, eeo: Record<string, string>): Promise<string> {
    const input = minimalInput();
    emails.push(String(input.email));
    const res = await t.gql<{ applyToPosting: { applicationId: string } }>(APPLY_WITH_EEO, { postingId, input, eeo }, { token: fx.key, path: PUBLIC });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.applyToPosting.applicationId;
  }
  const report = async (token: string, variables: Record<string, unknown> = {}) => t.gql<{ eeoReport: Report }>(EEO_REPORT, variables, { token });

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    fx = await applyFixture(t);
    expect((await t.gql(SET_EEO, { input: { eeoQuestions: ['GENDER', 'RACE_ETHNICITY', 'VETERAN_STATUS', 'DISABILITY'] } }, { token: fx.admin })).errors).toBeUndefined();
    small = await createPosting(t, fx.admin, { title: 'Small posting' });
    // fx.plain: 15 responses. Gender 7 FEMALE / 6 MALE / 2 declined; race 12 WHITE / 3 ASIAN; disability 15 NO; veteran unanswered.
    for (let i = 0; i < 15; i++) {
      await applyWith(fx.plain, { gender: i < 7 ? 'FEMALE' : i < 13 ? 'MALE' : 'DECLINE_TO_ANSWER', race: i < 12 ? 'WHITE' : 'ASIAN', disability: 'NO' });
    }
    // small: 3 responses.
    for (let i = 0; i < 3; i++) await applyWith(small, { gender: 'FEMALE' });
  }, 180_000);
  afterAll(async () => t?.close());

  it('counts per answer and suppresses cells under 5, plus a complementary cell when one alone is hidden', async () => {
    const res = await report(fx.admin, { postingId: fx.plain });
    expect(res.errors).toBeUndefined();
    const r = res.data!.eeoReport;
    expect(r.minimumCellSize).toBe(5);
    expect(r.responses).toBe(15);
    const gender = cellsOf(r, 'GENDER');
    expect(gender.FEMALE).toMatchObject({ count: 7, suppressed: false });
    // DECLINE (2) is under 5; alone it would be 15 - 7 - 6, so the smallest shown cell (MALE, 6) goes too.
    expect(gender.DECLINE_TO_ANSWER).toMatchObject({ count: null, suppressed: true });
    expect(gender.MALE).toMatchObject({ count: null, suppressed: true });
    const race = cellsOf(r, 'RACE_ETHNICITY');
    expect(race.WHITE).toMatchObject({ count: 12, suppressed: false });
    expect(race.ASIAN).toMatchObject({ count: null, suppressed: true });
    expect(race.HISPANIC_OR_LATINO).toMatchObject({ count: null, suppressed: true });
    expect(cellsOf(r, 'DISABILITY').NO).toMatchObject({ count: 15, suppressed: false });
    expect(Object.values(cellsOf(r, 'VETERAN_STATUS')).every((c) => c.suppressed && c.count === null)).toBe(true);
    // No shown count is under 5, and no question has exactly one hidden cell.
    for (const q of r.questions) {
      expect(q.cells.filter((c) => !c.suppressed).every((c) => c.count! >= 5)).toBe(true);
      expect(q.cells.filter((c) => c.suppressed)).not.toHaveLength(1);
    }
  });

  it('a posting or period with fewer than 5 responses shows nothing', async () => {
    const smallReport = (await report(fx.admin, { postingId: small })).data!.eeoReport;
    expect(smallReport.responses).toBeNull();
    expect(smallReport.questions.flatMap((q) => q.cells).every((c) => c.suppressed && c.count === null)).toBe(true);
    const future = (await report(fx.admin, { from: new Date(Date.now() + 3 * 86_400_000).toISOString() })).data!.eeoReport;
    expect(future.responses).toBeNull();
    // The whole organization: 18 responses; gender FEMALE 10, MALE 6, declined 2.
    const all = (await report(fx.admin)).data!.eeoReport;
    expect(all.responses).toBe(18);
    expect(cellsOf(all, 'GENDER').FEMALE!.count).toBe(10);
  });

  it('widens the period to whole UTC days, so reports cannot be subtracted second by second', async () => {
    const from = '2026-01-02T13:14:15.000Z';
    const to = '2026-01-05T01:00:00.000Z';
    const r = (await report(fx.admin, { from, to })).data!.eeoReport;
    expect(r.from).toBe('2026-01-02T00:00:00.000Z');
    expect(r.to).toBe('2026-01-06T00:00:00.000Z');
  });

  it('refuses bad filters naming the field', async () => {
    const bad = await report(fx.admin, { postingId: 'nope' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('postingId');
    const backwards = await report(fx.admin, { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(backwards.errors)).toContain('"to"');
  });

  it('only applications.eeo reads it: hiring staff and keys with every other operation are refused', async () => {
    const member = await userWithRole(t, fx.org, fx.admin, 'TEAM_MEMBER');
    const everythingElse = await dataKey(t, fx.admin, catalog.map((e) => e.id).filter((id) => id !== 'applications.eeo'), true);
    for (const token of [member.token, everythingElse, fx.key]) {
      const res = await report(token);
      expect(codeOf(res)).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      expect(res.data?.eeoReport ?? null).toBeNull();
    }
    const admin = await userWithRole(t, fx.org, fx.admin, 'ADMIN');
    expect((await report(admin.token)).data!.eeoReport.responses).toBe(18);
    const eeoOnly = await dataKey(t, fx.admin, ['applications.eeo'], true);
    expect((await report(eeoOnly)).data!.eeoReport.responses).toBe(18);
    // The shortcuts: no preset grants it, not even "Read only — everything".
    const presets = await t.gql<{ permissionPresets: { id: string; operations: string[] }[] }>('{ permissionPresets { id operations } }', {}, { token: fx.admin });
    expect(presets.errors).toBeUndefined();
    for (const preset of presets.data!.permissionPresets) expect(preset.operations, preset.id).not.toContain('applications.eeo');
  });

  it('a key without confidential access does not count a posting that became confidential', async () => {
    const eeoOnly = await dataKey(t, fx.admin, ['applications.eeo'], false);
    const made = await t.gql('mutation($id: ID!, $input: UpdatePostingInput!) { updatePosting(id: $id, input: $input) { id } }', { id: fx.plain, input: { confidential: true } }, { token: fx.admin });
    expect(made.errors).toBeUndefined();
    try {
      expect((await report(eeoOnly, { postingId: fx.plain })).data!.eeoReport.responses).toBeNull();
      expect((await report(fx.admin, { postingId: fx.plain })).data!.eeoReport.responses).toBe(15);
    } finally {
      await t.gql('mutation($id: ID!, $input: UpdatePostingInput!) { updatePosting(id: $id, input: $input) { id } }', { id: fx.plain, input: { confidential: false } }, { token: fx.admin });
    }
  });

  it('erasure removes the answers with the application', async () => {
    const id = await applyWith(fx.plain, { gender: 'MALE', race: 'TWO_OR_MORE_RACES' });
    expect(await eeoRowOf(t, id)).not.toBeNull();
    const erased = await t.gql<{ eraseCandidateData: { applications: number } }>('mutation($email: String!) { eraseCandidateData(email: $email) { applications } }', { email: emails.at(-1) }, { token: fx.admin });
    expect(erased.data!.eraseCandidateData.applications).toBe(1);
    expect(await eeoRowOf(t, id)).toBeNull();
    const left = await t.orm.em.getConnection().execute<{ n: string }[]>("select count(*) as n from eeo_responses where race = 'TWO_OR_MORE_RACES'");
    expect(Number(left[0]!.n)).toBe(0);
  });
});
