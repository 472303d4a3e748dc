import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixture, apply, minimalInput, type ApplyFixture } from '../applications/helpers';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { samples, upload } from './helpers';

/**
 * The SQL a candidate's upload and apply cost, counted from every statement the
 * instance sends through knex (ORM, raw, BEGIN and COMMIT). A career site's traffic
 * spike is mostly candidates uploading, so each statement is a round trip per candidate.
 */
describe('statements per upload and apply', () => {
  let t: TestApp;
  let f: ApplyFixture;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_FILE_STORE: 'fs', JOBGATE_DATA_DIR: `.data/test-statements-${process.pid}` } });
    f = await applyFixture(t);
    // Warm the per-instance caches (key verification, organization settings) the way a running service has them.
    const warm = await upload(t, { token: f.key, purpose: 'RESUME', bytes: samples.pdf, filename: 'cv.pdf' });
    await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: warm.body.id }));
  });
  afterAll(async () => t?.close());

  it('an upload with the postings key is one statement: the caps, the row and its audit event in stage_upload, no BEGIN or COMMIT', async () => {
    t.statements.length = 0;
    const res = await upload(t, { token: f.key, purpose: 'RESUME', bytes: samples.pdf, filename: 'cv.pdf' });
    expect(res.status).toBe(201);
    expect(t.statements).toHaveLength(1);
    expect(t.statements[0]).toMatch(/stage_upload\(/);
    const id = String(res.body.id);
    const [row] = await t.orm.em.getConnection().execute<{ files: string; events: string }[]>(
      `select (select count(*) from stored_files where id = ?) as files, (select count(*) from audit_events where target_id = ? and action = 'file.uploaded') as events`,
      [id, id],
    );
    expect([Number(row!.files), Number(row!.events)]).toEqual([1, 1]);
  });

  it('upload plus apply stays within the counted budget', async () => {
    t.statements.length = 0;
    const res = await upload(t, { token: f.key, purpose: 'RESUME', bytes: samples.pdf, filename: 'cv.pdf' });
    const uploadStatements = t.statements.length;
    const applied = await apply(t, f.key, f.plain, minimalInput({ resumeUploadId: res.body.id }));
    expect(applied.errors).toBeUndefined();
    const applyStatements = t.statements.length - uploadStatements;
    // Printed so the bench note and this test report the same figures.
    console.info(`upload: ${uploadStatements} statements, apply: ${applyStatements}:\n${t.statements.join('\n')}`);
    expect(uploadStatements + applyStatements).toBeLessThanOrEqual(BUDGET);
  });
});

/** Issue 23's goal: an upload (1, with a file store outside PostgreSQL) plus an apply (2). */
const BUDGET = 5;
