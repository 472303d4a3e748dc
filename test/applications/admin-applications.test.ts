import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userWithRole, type TestApp } from '../helpers/test-app';
import { samples } from '../uploads/helpers';
import { APPLICATION_FIELDS, apply, applyFixture, codeOf, countRows, createPosting, dataKey, minimalInput, stage, type ApplicationJson, type ApplyFixture } from './helpers';

let t: TestApp;
let f: ApplyFixture;

beforeAll(async () => {
  t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '1000' } });
  f = await applyFixture(t);
});
afterAll(async () => t?.close());

const LIST = `query($filter: ApplicationFilter, $first: Int, $after: String) {
  applications(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name email status } }
}`;
const READ = `query($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;
const CREATE = `mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { ${APPLICATION_FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!, $reason: String!) { archiveApplication(id: $id, reason: $reason) { id status archiveReason archivedAt } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateApplication(id: $id) { id status archiveReason archivedAt } }`;

type ListResult = { applications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; name: string; email: string; status: string }[] } };

async function applied(postingId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await apply(t, f.key, postingId, minimalInput(overrides));
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.applyToPosting.applicationId;
}

describe('admin applications: list, read, archive, reactivate', () => {
  it('lists newest first with filters by posting, status and search, and pages with cursors', async () => {
    const posting = await createPosting(t, f.admin, { title: 'Listed posting' });
    const ids = [];
    for (const name of ['Alan Turing', 'Barbara Liskov', 'Claude Shannon']) ids.push(await applied(posting, { name }));
    const all = await t.gql<ListResult>(LIST, { filter: { postingId: posting } }, { token: f.admin });
    expect(all.errors).toBeUndefined();
    expect(all.data!.applications.totalCount).toBe(3);
    expect(all.data!.applications.nodes.map((n) => n.id)).toEqual([...ids].reverse());

    const search = await t.gql<ListResult>(LIST, { filter: { postingId: posting, search: 'lisk' } }, { token: f.admin });
    expect(search.data!.applications.nodes.map((n) => n.name)).toEqual(['Barbara Liskov']);

    const page1 = await t.gql<ListResult>(LIST, { filter: { postingId: posting }, first: 2 }, { token: f.admin });
    expect(page1.data!.applications.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql<ListResult>(LIST, { filter: { postingId: posting }, first: 2, after: page1.data!.applications.pageInfo.endCursor }, { token: f.admin });
    expect(page2.data!.applications.nodes.map((n) => n.id)).toEqual([ids[0]]);

    const bad = await t.gql(LIST, { filter: { postingId: 'nope' } }, { token: f.admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('archives with a reason, filters by status, reactivates, and audits both', async () => {
    const posting = await createPosting(t, f.admin, { title: 'Archive posting' });
    const id = await applied(posting);
    const archived = await t.gql<{ archiveApplication: Record<string, unknown> }>(ARCHIVE, { id, reason: 'Position filled' }, { token: f.admin });
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.archiveApplication).toMatchObject({ id, status: 'ARCHIVED', archiveReason: 'Position filled' });
    expect(archived.data!.archiveApplication.archivedAt).toBeTruthy();

    const listed = await t.gql<ListResult>(LIST, { filter: { postingId: posting, status: 'ARCHIVED' } }, { token: f.admin });
    expect(listed.data!.applications.nodes.map((n) => n.id)).toEqual([id]);
    const active = await t.gql<ListResult>(LIST, { filter: { postingId: posting, status: 'ACTIVE' } }, { token: f.admin });
    expect(active.data!.applications.totalCount).toBe(0);

    const noReason = await t.gql(ARCHIVE, { id, reason: '  ' }, { token: f.admin });
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0]!.extensions!.field).toBe('reason');

    const reactivated = await t.gql<{ reactivateApplication: Record<string, unknown> }>(REACTIVATE, { id }, { token: f.admin });
    expect(reactivated.data!.reactivateApplication).toEqual({ id, status: 'ACTIVE', archiveReason: null, archivedAt: null });

    const audit = await t.gql<{ auditEvents: { nodes: { action: string }[] } }>(
      `query($id: String) { auditEvents(filter: { targetId: $id }, first: 10) { nodes { action } } }`,
      { id },
      { token: f.admin },
    );
    expect(audit.data!.auditEvents.nodes.map((n) => n.action).sort()).toEqual(['application.archived', 'application.created', 'application.reactivated']);

    const missing = await t.gql(ARCHIVE, { id: '00000000-0000-4000-8000-000000000000', reason: 'x' }, { token: f.admin });
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it("never shows another organization's applications", async () => {
    const other = await applyFixture(t);
    const theirs = (await apply(t, other.key, other.plain, minimalInput())).data!.applyToPosting.applicationId;
    expect((await t.gql<{ application: null }>(READ, { id: theirs }, { token: f.admin })).data!.application).toBeNull();
    expect(codeOf(await t.gql(REACTIVATE, { id: theirs }, { token: f.admin }))).toBe('NOT_FOUND');
  });
});

describe('createApplication: imports through a data key', () => {
  it('imports into a posting in any state, attributed to the key, with the same validation', async () => {
    const importer = await dataKey(t, f.admin, ['applications.create', 'applications.read']);
    const draft = await createPosting(t, f.admin, { title: 'Draft posting', state: 'DRAFT' });
    const res = await t.gql<{ createApplication: ApplicationJson }>(
      CREATE,
      { postingId: draft, input: minimalInput({ name: 'Imported Person', source: 'Old ATS' }) },
      { token: importer },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createApplication).toMatchObject({ name: 'Imported Person', source: 'Old ATS', ip: null, posting: { id: draft } });
    expect(res.data!.createApplication.createdBy).toMatchObject({ type: 'API_CREDENTIAL' });
    expect(res.data!.createApplication.createdBy.name).toMatch(/^Importer /);

    const invalid = await t.gql(CREATE, { postingId: draft, input: minimalInput({ urls: [{ url: 'file:///etc/passwd' }] }) }, { token: importer });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0]!.extensions!.field).toBe('urls[0].url');

    const reader = await dataKey(t, f.admin, ['applications.read']);
    expect(codeOf(await t.gql(CREATE, { postingId: draft, input: minimalInput() }, { token: reader }))).toBe('FORBIDDEN');
  });

  it('honours Idempotency-Key on imports too', async () => {
    const importer = await dataKey(t, f.admin, ['applications.create', 'applications.read']);
    const variables = { postingId: f.plain, input: minimalInput() };
    const headers = { 'idempotency-key': `import-${Date.now()}-${Math.random()}` };
    const first = await t.gql<{ createApplication: { id: string } }>(CREATE, variables, { token: importer, headers });
    const retry = await t.gql<{ createApplication: { id: string } }>(CREATE, variables, { token: importer, headers });
    expect(retry.data!.createApplication.id).toBe(first.data!.createApplication.id);
    const changed = await t.gql(CREATE, { ...variables, input: { ...variables.input, phone: '1' } }, { token: importer, headers });
    expect(codeOf(changed)).toBe('CONFLICT');
  });
});

describe('Application.resume.downloadUrl is a field-level permission', () => {
  it('is FORBIDDEN without applications.download while the rest resolves; with it, the link downloads the bytes', async () => {
    const resume = await stage(t, f.key, 'RESUME', samples.rtf, 'cv.rtf');
    const id = await applied(f.plain, { resumeUploadId: resume });
    const query = `query($id: ID!) { application(id: $id) { id name resume { id filename downloadUrl } } }`;

    const reader = await dataKey(t, f.admin, ['applications.read']);
    const denied = await t.gql<{ application: { id: string; name: string; resume: { id: string; filename: string; downloadUrl: string | null } } }>(query, { id }, { token: reader });
    expect(denied.data!.application).toEqual({ id, name: 'Ada Lovelace', resume: { id: resume, filename: 'cv.rtf', downloadUrl: null } });
    expect(denied.errors).toHaveLength(1);
    expect(denied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(denied.errors![0]!.path).toEqual(['application', 'resume', 'downloadUrl']);

    const exporter = await dataKey(t, f.admin, ['applications.read', 'applications.download']);
    const allowed = await t.gql<{ application: { resume: { downloadUrl: string } } }>(query, { id }, { token: exporter });
    expect(allowed.errors).toBeUndefined();
    const url = new URL(allowed.data!.application.resume.downloadUrl);
    expect(url.pathname).toBe(`/files/${resume}`);
    const expires = Number(url.searchParams.get('expires'));
    expect(expires - Date.now() / 1000).toBeLessThanOrEqual(300);
    expect(expires - Date.now() / 1000).toBeGreaterThan(200);
    const file = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(samples.rtf)).toBe(true);
  });
});

describe('confidential applications', () => {
  it('are invisible to keys without allowConfidential and to TEAM_MEMBERs: not found, not listed, not counted', async () => {
    const secret = await createPosting(t, f.admin, { title: 'Secret posting', confidential: true });
    const created = await t.gql<{ createApplication: { id: string; confidential: boolean } }>(CREATE, { postingId: secret, input: minimalInput() }, { token: f.admin });
    expect(created.data!.createApplication.confidential).toBe(true);
    const id = created.data!.createApplication.id;

    const ops = ['applications.list', 'applications.read', 'applications.remove', 'applications.create'];
    const plainKey = await dataKey(t, f.admin, ops);
    const trustedKey = await dataKey(t, f.admin, ops, true);
    const member = await userWithRole(t, f.org, f.admin, 'TEAM_MEMBER');
    const total = async (token: string) => (await t.gql<ListResult>(LIST, { filter: { postingId: secret } }, { token })).data!.applications;

    for (const token of [plainKey, member.token]) {
      expect((await t.gql<{ application: null }>(READ, { id }, { token })).data!.application).toBeNull();
      expect(await total(token)).toMatchObject({ totalCount: 0, nodes: [] });
      expect(codeOf(await t.gql(ARCHIVE, { id, reason: 'x' }, { token }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(CREATE, { postingId: secret, input: minimalInput() }, { token }))).toBe('NOT_FOUND');
    }
    for (const token of [trustedKey, f.admin]) {
      expect((await t.gql<{ application: { id: string } }>(READ, { id }, { token })).data!.application.id).toBe(id);
      expect((await total(token)).totalCount).toBe(1);
    }
  });
});

describe('an application whose posting later turns confidential', () => {
  it('is hidden along with the posting', async () => {
    const posting = await createPosting(t, f.admin, { title: 'Turns secret' });
    const id = await applied(posting);
    const reader = await dataKey(t, f.admin, ['applications.read', 'applications.list']);
    expect((await t.gql<{ application: { id: string } }>(READ, { id }, { token: reader })).data!.application.id).toBe(id);
    const update = await t.gql(`mutation($id: ID!) { updatePosting(id: $id, input: { confidential: true }) { id } }`, { id: posting }, { token: f.admin });
    expect(update.errors).toBeUndefined();
    expect((await t.gql<{ application: null }>(READ, { id }, { token: reader })).data!.application).toBeNull();
    expect((await t.gql<ListResult>(LIST, { filter: { postingId: posting } }, { token: reader })).data!.applications.totalCount).toBe(0);
  });
});

describe('SQL statements per applications page', () => {
  it('is the same for first: 10 and first: 100 with candidate, posting and resume selected', async () => {
    const org = await applyFixture(t);
    const postings = [org.plain, await createPosting(t, org.admin, { title: 'Second' })];
    for (let batch = 0; batch < 11; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const n = batch * 10 + i;
          const resume = n % 2 ? await stage(t, org.key) : null;
          const res = await apply(t, org.key, postings[n % 2]!, minimalInput({ email: `person-${n}@example.com`, resumeUploadId: resume }));
          if (!res.data) throw new Error(JSON.stringify(res.errors));
        }),
      );
    }
    expect(await countRows(t, 'applications', org.org.organizationId)).toBe(110);
    const query = `query($first: Int) { applications(first: $first) { totalCount nodes { id name candidate { id email } posting { id title } resume { id filename } } } }`;
    const statements = async (first: number) => {
      t.queries.length = 0;
      const res = await t.gql<{ applications: { nodes: unknown[] } }>(query, { first }, { token: org.admin });
      expect(res.errors).toBeUndefined();
      expect(res.data!.applications.nodes).toHaveLength(first);
      return t.queries.length;
    };
    await statements(10); // warm-up: session caches
    const ten = await statements(10);
    const hundred = await statements(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(8);
    console.info(`applications page SQL statements: first 10 → ${ten}, first 100 → ${hundred}`);
  });
});
