import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { apply, applyFixture, codeOf, createPosting, dataKey, stage, type ApplyFixture } from '../applications/helpers';
import { dumpDatabase } from './database-dump';
import { fileKeys, rowExists, storeHas, uniquePdf } from './helpers';

const ERASE = 'mutation($email: String!) { eraseCandidateData(email: $email) { applications files candidates auditEventsRedacted } }';
const EXPORT = 'mutation($email: String!) { exportCandidateData(email: $email) }';

interface Exported {
  applications: { id: string; email: string; name: string; posting: { id: string }; resumeFileId: string | null }[];
  consentRecords: { applicationId: string; store: boolean; marketing: boolean; givenAt: string }[];
  files: { id: string; filename: string; downloadUrl: string; downloadUrlExpiresAt: string }[];
}

/**
 * A candidate who applied to two public postings (with resumes) and was imported into a
 * confidential one, and whose archive reason names them: export and erasure by e-mail,
 * the permission and confidential rules, and afterwards no trace of the name or the
 * address in any table (a dump of the whole database) or in the file store.
 */
describe('erasure and export of a candidate’s data', () => {
  let t: TestApp;
  let fx: ApplyFixture;
  const tag = randomUUID().slice(0, 8);
  const name = `Zelda Quuxley${tag}`;
  const email = `Zelda.${tag}@Example.com`;
  const files: { id: string; sha256: string }[] = [];
  let confidentialPosting: string;
  let bystanderEmail: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    fx = await applyFixture(t);
    const second = await createPosting(t, fx.admin, { title: 'Second posting' });
    confidentialPosting = await createPosting(t, fx.admin, { title: 'Confidential posting', confidential: true });
    for (const posting of [fx.plain, second]) {
      const uploadId = await stage(t, fx.key, 'RESUME', uniquePdf(), `${name}.pdf`);
      const res = await apply(t, fx.key, posting, { name, email, phone: '+49 30 1234567', resumeUploadId: uploadId, consent: { store: true, marketing: false } });
      expect(res.errors).toBeUndefined();
      files.push(await fileKeys(t, uploadId));
    }
    const imported = await t.gql<{ createApplication: { id: string } }>(
      'mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { id } }',
      { postingId: confidentialPosting, input: { name, email: email.toLowerCase() } },
      { token: fx.admin },
    );
    expect(imported.errors).toBeUndefined();
    const archived = await t.gql('mutation($id: ID!, $reason: String!) { archiveApplication(id: $id, reason: $reason) { id } }', { id: imported.data!.createApplication.id, reason: `${name} withdrew` }, { token: fx.admin });
    expect(archived.errors).toBeUndefined();
    bystanderEmail = `bystander-${tag}@example.com`;
    expect((await apply(t, fx.key, fx.plain, { name: 'Bystander Person', email: bystanderEmail })).errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('refuses callers without the permission, and keys without confidential access, changing nothing', async () => {
    const member = await userWithRole(t, fx.org, fx.admin, 'TEAM_MEMBER');
    const noConfidential = await dataKey(t, fx.admin, ['applications.erase', 'applications.export'], false);
    const readOnly = await dataKey(t, fx.admin, ['applications.list', 'applications.read'], true);
    for (const token of [member.token, readOnly, fx.key]) {
      for (const query of [ERASE, EXPORT]) expect(codeOf(await t.gql(query, { email }, { token }))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    for (const query of [ERASE, EXPORT]) {
      const res = await t.gql(query, { email }, { token: noConfidential });
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toContain('confidential');
    }
    const rows = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from applications where lower(email) = ?', [email.toLowerCase()]);
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('refuses an invalid address naming the field, without echoing it', async () => {
    const res = await t.gql(ERASE, { email: 'not an address' }, { token: fx.admin });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain('email');
    expect(JSON.stringify(res.errors)).not.toContain('not an address');
  });

  it('exports every application, consent record and file with working expiring links, and audits it by hash', async () => {
    const key = await dataKey(t, fx.admin, ['applications.export'], true);
    const res = await t.gql<{ exportCandidateData: Exported }>(EXPORT, { email: email.toUpperCase() }, { token: key });
    expect(res.errors).toBeUndefined();
    const doc = res.data!.exportCandidateData;
    expect(doc.applications).toHaveLength(3);
    expect(doc.applications.map((a) => a.posting.id)).toContain(confidentialPosting);
    expect(doc.consentRecords).toHaveLength(3);
    expect(doc.consentRecords.filter((c) => c.store)).toHaveLength(2);
    expect(doc.files.map((f) => f.id).sort()).toEqual(files.map((f) => f.id).sort());
    expect(new Date(doc.files[0]!.downloadUrlExpiresAt).getTime()).toBeGreaterThan(Date.now());
    const url = new URL(doc.files[0]!.downloadUrl);
    const download = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.stringify(doc)).not.toContain(bystanderEmail);

    const events = await t.orm.em.getConnection().execute<{ changes: Record<string, unknown> }[]>(
      "select changes from audit_events where organization_id = ? and action = 'candidate.exported'",
      [fx.org.organizationId],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toMatchObject({ applications: 3, files: 2 });
    expect(String(events[0]!.changes.emailHash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(events[0]!.changes).toLowerCase()).not.toContain(email.toLowerCase());
  });

  it('erases everything of the candidate, idempotently, leaving a hashed tombstone and no trace in the database or the store', { timeout: 60_000 }, async () => {
    const links = (await t.gql<{ exportCandidateData: Exported }>(EXPORT, { email }, { token: fx.admin })).data!.exportCandidateData.files;
    const res = await t.gql<{ eraseCandidateData: Record<string, number> }>(ERASE, { email: ` ${email.toLowerCase()} ` }, { token: fx.admin });
    expect(res.errors).toBeUndefined();
    expect(res.data!.eraseCandidateData).toMatchObject({ applications: 3, files: 2, candidates: 1 });
    expect(res.data!.eraseCandidateData.auditEventsRedacted).toBeGreaterThanOrEqual(3);

    const again = await t.gql<{ eraseCandidateData: Record<string, number> }>(ERASE, { email }, { token: fx.admin });
    expect(again.data!.eraseCandidateData).toEqual({ applications: 0, files: 0, candidates: 0, auditEventsRedacted: 0 });

    for (const file of files) {
      expect(await rowExists(t, 'stored_files', file.id)).toBe(false);
      expect(await storeHas(t, file)).toBe(false);
    }
    for (const link of links) {
      const url = new URL(link.downloadUrl);
      expect((await t.app.inject({ method: 'GET', url: url.pathname + url.search })).statusCode).toBe(404);
    }
    const tombstones = await t.orm.em.getConnection().execute<{ changes: Record<string, unknown>; target_id: string | null }[]>(
      "select changes, target_id from audit_events where organization_id = ? and action = 'candidate.erased'",
      [fx.org.organizationId],
    );
    expect(tombstones).toHaveLength(1);
    expect(String(tombstones[0]!.changes.emailHash)).toMatch(/^[0-9a-f]{64}$/);

    const dump = await dumpDatabase(t.databaseUrl);
    const text = dump.text.toLowerCase();
    expect(text).toContain(bystanderEmail); // the dump does hold applications
    const hits = [email.toLowerCase(), name.toLowerCase(), `quuxley${tag}`].map((needle) => text.split(needle).length - 1);
    expect(hits, `dump by ${dump.tool}`).toEqual([0, 0, 0]);
    expect(await rowExists(t, 'applications', (await firstApplicationOf(t, bystanderEmail))!)).toBe(true);
  });
});

async function firstApplicationOf(t: TestApp, email: string): Promise<string | null> {
  const rows = await t.orm.em.getConnection().execute<{ id: string }[]>('select id from applications where email = ?', [email]);
  return rows[0]?.id ?? null;
}
