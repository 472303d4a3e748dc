import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../helpers/s3-server';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, codeOf, minimalInput, stage, type ApplyFixture } from '../applications/helpers';
import { DAY_MS, fileKeys, rowExists, SET_RETENTION, storeHas, uniquePdf } from './helpers';

const HOLD = `mutation($id: ID!, $hold: Boolean!) { setApplicationLegalHold(id: $id, hold: $hold) { id legalHold } }`;

interface Applied {
  id: string;
  email: string;
  resume: { id: string; sha256: string };
}

async function applyWithResume(t: TestApp, fx: ApplyFixture, extra: Record<string, unknown> = {}): Promise<Applied> {
  const uploadId = await stage(t, fx.key, 'RESUME', uniquePdf(), 'cv.pdf');
  const input = minimalInput({ resumeUploadId: uploadId, ...extra });
  const res = await apply(t, fx.key, fx.plain, input);
  expect(res.errors).toBeUndefined();
  return { id: res.data!.applyToPosting.applicationId, email: String(input.email), resume: await fileKeys(t, uploadId) };
}

/**
 * The retention sweep with a fake clock (`runOnce(now)`), on each file store: an
 * application past the period is gone with its file (row and bytes) and its candidate;
 * one whose candidate consented to longer storage stays until the longer period; one on
 * legal hold stays; another organization without a period keeps everything.
 */
describe.each(['fs', 's3', 'postgres'] as const)('the retention sweep on the %s store', (kind) => {
  let t: TestApp;
  let s3: S3Server | undefined;
  let dataDir: string | undefined;
  let fx: ApplyFixture;
  let other: ApplyFixture;

  beforeAll(async () => {
    const env: Record<string, string> = { JOBGATE_FILE_STORE: kind, JOBGATE_APPLY_RATE_PER_SECOND: '0' };
    if (kind === 's3') {
      s3 = await startS3Server();
      Object.assign(env, s3.env);
    }
    if (kind === 'fs') {
      dataDir = await mkdtemp(path.join(tmpdir(), 'jobgate-retention-'));
      env.JOBGATE_DATA_DIR = dataDir;
    }
    t = await startTestApp({ env });
    fx = await applyFixture(t);
    other = await applyFixture(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('erases expired applications with their files, keeps held, consented and in-window ones, and audits each batch without personal data', { timeout: 60_000 }, async () => {
    const set = await t.gql(SET_RETENTION, { input: { applicationRetentionDays: 180, consentedRetentionDays: 730 } }, { token: fx.admin });
    expect(set.errors).toBeUndefined();

    const expired = await applyWithResume(t, fx);
    const consented = await applyWithResume(t, fx, { consent: { store: true, marketing: false } });
    const held = await applyWithResume(t, fx);
    const elsewhere = await applyWithResume(t, other);
    const hold = await t.gql<{ setApplicationLegalHold: { legalHold: boolean } }>(HOLD, { id: held.id, hold: true }, { token: fx.admin });
    expect(hold.data?.setApplicationLegalHold.legalHold).toBe(true);
    for (const a of [expired, consented, held, elsewhere]) expect(await storeHas(t, a.resume)).toBe(true);

    // Within the period nothing goes.
    expect((await t.services.retentionSweep.runOnce(new Date(Date.now() + 179 * DAY_MS))).applications).toBe(0);
    expect(await rowExists(t, 'applications', expired.id)).toBe(true);

    const report = await t.services.retentionSweep.runOnce(new Date(Date.now() + 181 * DAY_MS));
    expect(report).toMatchObject({ applications: 1, files: 1, batches: 1 });
    expect(await rowExists(t, 'applications', expired.id)).toBe(false);
    expect(await rowExists(t, 'stored_files', expired.resume.id)).toBe(false);
    expect(await storeHas(t, expired.resume)).toBe(false);
    const candidates = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from candidates where email_key = ?', [expired.email]);
    expect(Number(candidates[0]!.n)).toBe(0);
    for (const kept of [consented, held, elsewhere]) {
      expect(await rowExists(t, 'applications', kept.id)).toBe(true);
      expect(await storeHas(t, kept.resume)).toBe(true);
    }

    const events = await t.orm.em.getConnection().execute<{ changes: Record<string, unknown>; actor_type: string }[]>(
      "select changes, actor_type from audit_events where organization_id = ? and action = 'applications.retention_erased'",
      [fx.org.organizationId],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_type).toBe('SYSTEM');
    expect(events[0]!.changes).toMatchObject({ applications: 1, files: 1, candidates: 1, retentionDays: 180, consentedRetentionDays: 730 });
    expect(JSON.stringify(events[0]!.changes)).not.toContain('@');

    // Past the consented period the consented one goes too; the held one never does.
    const later = await t.services.retentionSweep.runOnce(new Date(Date.now() + 731 * DAY_MS));
    expect(later.applications).toBe(1);
    expect(await rowExists(t, 'applications', consented.id)).toBe(false);
    expect(await storeHas(t, consented.resume)).toBe(false);
    expect(await rowExists(t, 'applications', held.id)).toBe(true);
    expect(await rowExists(t, 'applications', elsewhere.id)).toBe(true);

    // Released from the hold, it goes at the next run.
    await t.gql(HOLD, { id: held.id, hold: false }, { token: fx.admin });
    expect((await t.services.retentionSweep.runOnce(new Date(Date.now() + 731 * DAY_MS))).applications).toBe(1);
    expect(await storeHas(t, held.resume)).toBe(false);
    expect(await storeHas(t, elsewhere.resume)).toBe(true);
  });

  it('refuses retention settings out of range, naming the field', async () => {
    const res = await t.gql(SET_RETENTION, { input: { applicationRetentionDays: 0 } }, { token: other.admin });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain('applicationRetentionDays');
    const shorter = await t.gql(SET_RETENTION, { input: { applicationRetentionDays: 365, consentedRetentionDays: 30 } }, { token: other.admin });
    expect(JSON.stringify(shorter.errors)).toContain('consentedRetentionDays');
  });

  it('a legal hold needs applications.hold, which neither a team member nor the postings key has', async () => {
    const applied = await applyWithResume(t, other);
    const member = await userWithRole(t, other.org, other.admin, 'TEAM_MEMBER');
    for (const token of [member.token, other.key]) {
      const res = await t.gql(HOLD, { id: applied.id, hold: true }, { token });
      expect(codeOf(res)).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect((await t.gql(HOLD, { id: applied.id, hold: true }, { token: other.admin })).errors).toBeUndefined();
  });
});
