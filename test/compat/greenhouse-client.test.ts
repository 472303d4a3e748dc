import type { AddressInfo } from 'node:net';
import { JobBoardClientV1 } from 'greenhouse-jobboard-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { samples } from '../uploads/helpers';
import { createPosting, orgWithTokens } from './helpers';

/**
 * The npm package greenhouse-jobboard-js (Daangn's client for boards-api.greenhouse.io),
 * used unchanged: only its documented base URL is pointed at a listening Jobgate. It
 * takes the HTTP client as a dependency; we give it plain fetch. The package has no
 * offices or apply methods, so those go through fetch the way a site's backend would.
 */
describe('a real Greenhouse job board client against a running Jobgate', () => {
  let t: TestApp;
  let base: string;
  const originalBase = JobBoardClientV1.baseURL;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    JobBoardClientV1.baseURL = `${base}/v1`;
  });
  afterAll(async () => {
    JobBoardClientV1.baseURL = originalBase;
    await t?.close();
  });

  it('lists jobs, departments and offices, reads a job with questions and submits an application', async () => {
    const o = await orgWithTokens(t);
    await createPosting(t, o.admin, {
      title: 'Backend Engineer',
      team: 'Platform',
      department: 'R&D',
      locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }],
      questions: [{ id: 'why', label: 'Why us?', kind: 'TEXT', required: true }],
    });
    await createPosting(t, o.admin, { title: 'Recruiter', team: null, department: 'People', locations: [{ name: 'Remote' }] });
    const client = new JobBoardClientV1({
      boardToken: o.org.slug,
      client: { get: async (url: URL) => (await fetch(url)).json() },
    });

    const jobs = await client.getJobList();
    expect(jobs.map((j) => j.title).sort()).toEqual(['Backend Engineer', 'Recruiter']);
    const withContent = await client.getJobListWithContent();
    const backend = withContent.find((j) => j.title === 'Backend Engineer')!;
    expect(backend.departments[0]!.name).toBe('Platform');
    expect(backend.content).toContain('&lt;p&gt;');

    const departments = await client.getDepartmentList();
    expect(departments.map((d) => d.name).sort()).toEqual(['People', 'Platform', 'R&D']);
    const tree = await client.getDepartmentTree();
    expect(tree.map((d) => d.name)).toEqual(['People', 'R&D']);
    const platform = departments.find((d) => d.name === 'Platform')!;
    expect((await client.getDepartmentAsListItem(platform.id)).jobs.map((j) => j.title)).toEqual(['Backend Engineer']);
    expect((await client.getDepartmentAsTreeNode(platform.parent_id!)).children.map((c) => c.name)).toEqual(['Platform']);

    const job = await client.getJobWithQuestions(backend.id);
    expect(job.questions.map((q) => q.fields[0]!.name)).toContain('question_why');
    expect((await client.getJob(backend.id)).title).toBe('Backend Engineer');

    const offices = (await (await fetch(`${client.endpoint}/offices`)).json()) as { offices: { name: string }[] };
    expect(offices.offices.map((x) => x.name)).toEqual(['Berlin', 'Remote']);

    const form = new FormData();
    form.set('first_name', 'Client');
    form.set('last_name', 'Test');
    form.set('email', 'client@example.com');
    form.set('question_why', 'Because the API is the same');
    form.set('resume', new Blob([samples.pdf], { type: 'application/pdf' }), 'cv.pdf');
    const res = await fetch(`${client.endpoint}/jobs/${job.id}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${o.key}:`).toString('base64')}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: 'Candidate saved successfully', application_id: expect.any(String) });
  });
});
