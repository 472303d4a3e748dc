import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPostings } from '../../src/modules/postings/demo-postings';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { boardIdOf, createPosting, get, importLeverFixture, leverFixture, orgWithTokens, setSettings, setState } from './helpers';

const JOB_KEYS = ['absolute_url', 'id', 'internal_job_id', 'language', 'location', 'metadata', 'requisition_id', 'title', 'updated_at'];

describe('Greenhouse Job Board API: reads', () => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof orgWithTokens>>;
  let engineerUuid: string;
  beforeAll(async () => {
    t = await startTestApp();
    o = await orgWithTokens(t);
    engineerUuid = await createPosting(t, o.admin, {
      title: 'Staff Engineer',
      requisitionCode: 'REQ-7',
      team: 'Platform',
      department: 'R&D',
      locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }, { name: 'Lisbon', city: 'Lisbon', countryCode: 'PT' }],
      openingHtml: '<p>Hello & welcome.</p>',
      descriptionHtml: '<p>Build.</p>',
      lists: [{ title: 'You bring', contentHtml: '<li>TypeScript</li>' }],
      salaryRange: { min: 90000.5, max: 120000, currency: 'EUR', interval: 'PER_YEAR' },
      salaryDescription: 'Plus equity.',
      questions: [
        { id: 'why', label: 'Why us?', kind: 'TEXTAREA', required: true },
        { id: 'permit', label: 'Work permit', kind: 'SINGLE_SELECT', required: false, options: ['EU', 'Other'] },
        { id: 'langs', label: 'Languages', kind: 'MULTI_SELECT', required: false, options: ['TS', 'Go'] },
        { id: 'relocate', label: 'Relocate?', kind: 'BOOLEAN', required: false },
        { id: 'portfolio', label: 'Portfolio', kind: 'FILE', required: false },
        { id: 'site', label: 'Website', kind: 'TEXT', required: false },
      ],
    });
    await createPosting(t, o.admin, { title: 'Data Engineer', team: 'Data', department: 'R&D', locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }] });
    await createPosting(t, o.admin, { title: 'Recruiter', team: null, department: 'People', locations: [{ name: 'Remote' }] });
  });
  afterAll(async () => t?.close());

  it('GET /v1/boards/:token gives the board name and content', async () => {
    const res = await get(t, `/v1/boards/${o.org.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: `Org ${o.org.slug}`, content: '' });
  });

  it('lists jobs with meta.total, and content/departments/offices with content=true', async () => {
    const res = await get(t, `/v1/boards/${o.org.slug}/jobs`);
    expect(res.body.meta).toEqual({ total: 3 });
    for (const job of res.body.jobs) expect(Object.keys(job).sort()).toEqual(JOB_KEYS);
    const staff = res.body.jobs.find((j: { title: string }) => j.title === 'Staff Engineer');
    expect(staff).toMatchObject({
      id: expect.any(Number),
      title: 'Staff Engineer',
      requisition_id: 'REQ-7',
      location: { name: 'Berlin' },
      metadata: null,
      language: 'en',
      absolute_url: expect.stringMatching(new RegExp(`/jobs/${o.org.slug}/${engineerUuid}$`)),
    });
    expect(staff.internal_job_id).toBe(staff.id);
    expect(new Date(staff.updated_at).toISOString()).toBe(staff.updated_at);

    const full = await get(t, `/v1/boards/${o.org.slug}/jobs?content=true`);
    const job = full.body.jobs.find((j: { title: string }) => j.title === 'Staff Engineer');
    expect(Object.keys(job).sort()).toEqual([...JOB_KEYS, 'content', 'departments', 'offices'].sort());
    expect(job.content).toBe('&lt;p&gt;Hello &amp;amp; welcome.&lt;/p&gt;&lt;p&gt;Build.&lt;/p&gt;&lt;h3&gt;You bring&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;TypeScript&lt;/li&gt;&lt;/ul&gt;');
    expect(job.departments).toEqual([{ id: expect.any(Number), name: 'Platform', parent_id: expect.any(Number), child_ids: [] }]);
    expect(job.offices.map((x: { name: string; location: string }) => [x.name, x.location])).toEqual([['Berlin', 'Berlin, DE'], ['Lisbon', 'Lisbon, PT']]);
    expect(job.offices[0]).toMatchObject({ parent_id: null, child_ids: [] });
  });

  it('reads a job with questions and pay ranges', async () => {
    const id = await boardIdOf(t, o.org.slug, 'Staff Engineer');
    const plain = await get(t, `/v1/boards/${o.org.slug}/jobs/${id}`);
    expect(plain.body.questions).toBeUndefined();
    expect(plain.body.pay_input_ranges).toBeUndefined();
    const res = await get(t, `/v1/boards/${o.org.slug}/jobs/${id}?questions=true&pay_transparency=true`);
    expect(res.status).toBe(200);
    const names = res.body.questions.map((q: { fields: { name: string }[] }) => q.fields.map((f) => f.name).join('+'));
    expect(names).toEqual([
      'first_name', 'last_name', 'email', 'phone', 'resume+resume_text', 'cover_letter_text',
      'question_why', 'question_permit', 'question_langs', 'question_relocate', 'question_portfolio', 'question_site',
    ]);
    const byName = (n: string) => res.body.questions.find((q: { fields: { name: string }[] }) => q.fields[0]!.name === n);
    expect(byName('first_name')).toEqual({ required: true, label: 'First Name', fields: [{ name: 'first_name', type: 'input_text', values: [] }] });
    expect(byName('question_why')).toMatchObject({ required: true, label: 'Why us?', fields: [{ type: 'textarea' }] });
    expect(byName('question_permit').fields[0]).toEqual({ name: 'question_permit', type: 'multi_value_single_select', values: [{ label: 'EU', value: 0 }, { label: 'Other', value: 1 }] });
    expect(byName('question_langs').fields[0].type).toBe('multi_value_multi_select');
    expect(byName('question_relocate').fields[0].values).toEqual([{ label: 'No', value: 0 }, { label: 'Yes', value: 1 }]);
    expect(byName('question_portfolio').fields[0].type).toBe('input_file');
    expect(byName('question_site').fields[0].type).toBe('input_text');
    expect(res.body.pay_input_ranges).toEqual([{ min_cents: 9000050, max_cents: 12000000, currency_type: 'EUR', title: 'Salary range (per year)', blurb: 'Plus equity.' }]);
  });

  it('lists departments and offices as list and tree, and reads each by id', async () => {
    const list = await get(t, `/v1/boards/${o.org.slug}/departments?render_as=list`);
    const byName = new Map(list.body.departments.map((d: { name: string }) => [d.name, d]));
    expect([...byName.keys()].sort()).toEqual(['Data', 'People', 'Platform', 'R&D']);
    const rd = byName.get('R&D') as { id: number; child_ids: number[]; parent_id: null; jobs: unknown[] };
    const platform = byName.get('Platform') as { id: number; parent_id: number; jobs: { title: string }[] };
    expect(rd.parent_id).toBeNull();
    expect(rd.jobs).toEqual([]);
    expect(platform.parent_id).toBe(rd.id);
    expect(rd.child_ids.sort()).toEqual([platform.id, (byName.get('Data') as { id: number }).id].sort());
    expect(platform.jobs.map((j) => j.title)).toEqual(['Staff Engineer']);
    expect(Object.keys(platform.jobs[0]!).sort()).toEqual(['absolute_url', 'id', 'language', 'location', 'title', 'updated_at']);

    const tree = await get(t, `/v1/boards/${o.org.slug}/departments?render_as=tree`);
    expect(tree.body.departments.map((d: { name: string }) => d.name)).toEqual(['People', 'R&D']);
    const rdTree = tree.body.departments[1];
    expect(rdTree.children.map((c: { name: string }) => c.name).sort()).toEqual(['Data', 'Platform']);
    expect(rdTree.parent_id).toBeUndefined();

    const one = await get(t, `/v1/boards/${o.org.slug}/departments/${platform.id}`);
    expect(one.body).toEqual(platform);
    const oneTree = await get(t, `/v1/boards/${o.org.slug}/departments/${rd.id}?render_as=tree`);
    expect(oneTree.body.children).toHaveLength(2);

    const offices = await get(t, `/v1/boards/${o.org.slug}/offices`);
    expect(offices.body.offices.map((x: { name: string }) => x.name)).toEqual(['Berlin', 'Lisbon', 'Remote']);
    const berlin = offices.body.offices[0];
    expect(berlin).toMatchObject({ location: 'Berlin, DE', parent_id: null, child_ids: [] });
    expect(berlin.departments.flatMap((d: { jobs: { title: string }[] }) => d.jobs.map((j) => j.title)).sort()).toEqual(['Data Engineer', 'Staff Engineer']);
    const office = await get(t, `/v1/boards/${o.org.slug}/offices/${berlin.id}`);
    expect(office.body).toEqual(berlin);
    const officeTree = await get(t, `/v1/boards/${o.org.slug}/offices?render_as=tree`);
    expect(officeTree.body.offices[0].children).toEqual([]);
    expect(officeTree.body.offices[0].departments[0].children).toBeDefined();
  });

  it('keeps integer ids stable across reads and edits, and never reuses them', async () => {
    const before = await get(t, `/v1/boards/${o.org.slug}/departments`);
    const jobId = await boardIdOf(t, o.org.slug, 'Staff Engineer');
    await t.gql(`mutation($id: ID!) { updatePosting(id: $id, input: { title: "Staff Engineer II" }) { id } }`, { id: engineerUuid }, { token: o.admin });
    expect(await boardIdOf(t, o.org.slug, 'Staff Engineer II')).toBe(jobId);
    const after = await get(t, `/v1/boards/${o.org.slug}/departments`);
    expect(after.body.departments.map((d: { id: number }) => d.id).sort()).toEqual(before.body.departments.map((d: { id: number }) => d.id).sort());
    const gone = await createPosting(t, o.admin, { title: 'Short-lived', team: 'Ephemeral' });
    const goneId = await boardIdOf(t, o.org.slug, 'Short-lived');
    await t.gql(`mutation($id: ID!) { deletePosting(id: $id) }`, { id: gone }, { token: o.admin });
    await createPosting(t, o.admin, { title: 'Next one' });
    expect(await boardIdOf(t, o.org.slug, 'Next one')).toBeGreaterThan(goneId);
    expect((await get(t, `/v1/boards/${o.org.slug}/jobs/${goneId}`)).status).toBe(404);
  });

  it('every hidden posting is 404 in Greenhouse\'s shape; unknown boards, ids and a switched-off dialect too', async () => {
    const hidden = {
      draft: await createPosting(t, o.admin, { title: 'Hidden draft', state: 'DRAFT' }),
      internal: await createPosting(t, o.admin, { title: 'Hidden internal', state: 'INTERNAL' }),
      confidential: await createPosting(t, o.admin, { title: 'Hidden secret', confidential: true }),
      expired: await createPosting(t, o.admin, { title: 'Hidden expired', expiresAt: new Date(Date.now() - 1000).toISOString() }),
      closed: await createPosting(t, o.admin, { title: 'Hidden closed' }),
    };
    const closedBoardId = await boardIdOf(t, o.org.slug, 'Hidden closed');
    await setState(t, o.admin, hidden.closed, 'CLOSED');
    const rows = (await t.orm.em.getConnection().execute(`select id, board_id::text as board_id from postings where id in (?)`, [Object.values(hidden)])) as { id: string; board_id: string }[];
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.board_id)).toContain(String(closedBoardId));
    const jobs = await get(t, `/v1/boards/${o.org.slug}/jobs?content=true`);
    for (const r of rows) {
      const res = await get(t, `/v1/boards/${o.org.slug}/jobs/${r.board_id}?questions=true`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ status: 404, error: 'Job not found' });
      expect(jobs.body.jobs.map((j: { id: number }) => j.id)).not.toContain(Number(r.board_id));
    }
    const depts = await get(t, `/v1/boards/${o.org.slug}/departments`);
    expect(JSON.stringify(depts.body)).not.toContain('Hidden');
    for (const url of [`/v1/boards/${o.org.slug}/jobs/abc`, `/v1/boards/${o.org.slug}/jobs/99999999999`, `/v1/boards/${o.org.slug}/departments/x`, `/v1/boards/${o.org.slug}/offices/123456789`]) {
      const res = await get(t, url);
      expect(res.status, url).toBe(404);
      expect(res.body.status, url).toBe(404);
    }
    expect((await get(t, `/v1/boards/nobody-here-at-all/jobs`)).body).toEqual({ status: 404, error: 'Job board not found' });
    expect((await get(t, `/v1/boards/${o.org.slug}/departments?render_as=graph`)).body).toMatchObject({ status: 400 });
    await setSettings(t, o.admin, { greenhouseApiEnabled: false });
    expect((await get(t, `/v1/boards/${o.org.slug}/jobs`)).status).toBe(404);
    await setSettings(t, o.admin, { greenhouseApiEnabled: true });
    expect((await get(t, `/v1/boards/${o.org.slug}/jobs`)).status).toBe(200);
  });

  it('serves the Lever fixture and the demo data', async () => {
    const f = await orgWithTokens(t);
    await importLeverFixture(t, f.admin);
    const jobs = await get(t, `/v1/boards/${f.org.slug}/jobs?content=true`);
    expect(jobs.body.meta.total).toBe(leverFixture().length);
    expect(new Set(jobs.body.jobs.map((j: { title: string }) => j.title))).toEqual(new Set(leverFixture().map((p) => p.text)));
    const teams = new Set(leverFixture().map((p) => p.categories.team).filter(Boolean));
    const depts = await get(t, `/v1/boards/${f.org.slug}/departments`);
    expect(new Set(depts.body.departments.map((d: { name: string }) => d.name))).toEqual(teams);

    const d = await orgWithTokens(t);
    await seedDemoPostings(t.services, d.org.organizationId);
    const gql = await t.gql<{ postings: { totalCount: number } }>(`{ postings(first: 1) { totalCount } }`, {}, { token: d.key, path: '/public/graphql' });
    const demo = await get(t, `/v1/boards/${d.org.slug}/jobs`);
    expect(demo.body.meta.total).toBe(gql.data!.postings.totalCount);
    const withQuestions = demo.body.jobs[0].id;
    expect((await get(t, `/v1/boards/${d.org.slug}/jobs/${withQuestions}?questions=true`)).status).toBe(200);
    expect((await get(t, `/v1/boards/${d.org.slug}/offices?render_as=tree`)).status).toBe(200);
  });
});
