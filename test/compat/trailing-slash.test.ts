import { JobBoardClientV1 } from 'greenhouse-jobboard-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, orgWithTokens } from './helpers';

/**
 * Issue #19, finding 8: published clients ask `/v1/boards/:token/jobs/` and
 * `/v0/postings/:site/`; Greenhouse and Lever answer them, so Jobgate does too.
 */
describe('routes with a trailing slash', () => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof orgWithTokens>>;
  let posting: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    o = await orgWithTokens(t);
    posting = await createPosting(t, o.admin, { title: 'Slash Engineer', team: 'Platform', department: 'R&D', locations: [{ name: 'Berlin' }] });
  }, 60_000);
  afterAll(async () => t?.close());

  const inject = (method: 'GET' | 'POST' | 'OPTIONS', url: string, extra: { headers?: Record<string, string>; payload?: object } = {}) => t.app.inject({ method, url, ...extra });

  it('Greenhouse: every read answers the same with and without the slash', async () => {
    const base = `/v1/boards/${o.org.slug}`;
    const jobs = (await inject('GET', `${base}/jobs`)).json() as { jobs: { id: number }[] };
    const departments = (await inject('GET', `${base}/departments`)).json() as { departments: { id: number }[] };
    const offices = (await inject('GET', `${base}/offices`)).json() as { offices: { id: number }[] };
    const paths = [
      base,
      `${base}/jobs`,
      `${base}/jobs?content=true`,
      `${base}/jobs/${jobs.jobs[0]!.id}`,
      `${base}/departments`,
      `${base}/departments/${departments.departments[0]!.id}`,
      `${base}/offices`,
      `${base}/offices/${offices.offices[0]!.id}`,
    ];
    for (const path of paths) {
      const [plain, query] = path.split('?');
      const slashed = `${plain}/${query ? `?${query}` : ''}`;
      const a = await inject('GET', path);
      const b = await inject('GET', slashed);
      expect(a.statusCode, path).toBe(200);
      expect(b.statusCode, slashed).toBe(200);
      expect(b.json(), slashed).toEqual(a.json());
    }
    expect((await inject('OPTIONS', `${base}/`)).statusCode).toBe(204);
  });

  it('Greenhouse: apply with the slash', async () => {
    const jobs = (await inject('GET', `/v1/boards/${o.org.slug}/jobs/`)).json() as { jobs: { id: number }[] };
    const res = await inject('POST', `/v1/boards/${o.org.slug}/jobs/${jobs.jobs[0]!.id}/`, {
      headers: { authorization: `Basic ${Buffer.from(`${o.key}:`).toString('base64')}` },
      payload: { first_name: 'Slash', last_name: 'Applicant', email: 'slash-gh@example.com' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('the published Greenhouse client, asking every path with a trailing slash', async () => {
    const asked: string[] = [];
    const client = new JobBoardClientV1({
      boardToken: o.org.slug,
      client: {
        get: async (url: URL) => {
          url.pathname += '/';
          asked.push(url.pathname);
          const res = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
          if (res.statusCode !== 200) throw new Error(`${url.pathname}: ${res.statusCode}`);
          return res.json();
        },
      },
    });
    // The client's base URL is ignored above (inject takes the path); only its paths matter.
    const list = await client.getJobList();
    expect(list.map((j) => j.title)).toEqual(['Slash Engineer']);
    expect((await client.getJob(list[0]!.id)).title).toBe('Slash Engineer');
    const departments = await client.getDepartmentList();
    expect(departments.map((d) => d.name).sort()).toEqual(['Platform', 'R&D']);
    expect((await client.getDepartmentAsListItem(departments[0]!.id)).id).toBe(departments[0]!.id);
    expect(asked.every((p) => p.endsWith('/'))).toBe(true);
    expect(asked).toContain(`/v1/boards/${o.org.slug}/jobs/`);
    expect(asked).toContain(`/v1/boards/${o.org.slug}/departments/`);
  });

  it('Lever: list, posting, apply and preflight with the slash', async () => {
    const base = `/v0/postings/${o.org.slug}`;
    for (const path of [base, `${base}/${posting}`, `${base}?mode=json`]) {
      const [plain, query] = path.split('?');
      const slashed = `${plain}/${query ? `?${query}` : ''}`;
      const a = await inject('GET', path);
      const b = await inject('GET', slashed);
      expect(a.statusCode, path).toBe(200);
      expect(b.statusCode, slashed).toBe(200);
      expect(b.body, slashed).toBe(a.body);
    }
    const applied = await inject('POST', `${base}/${posting}/?key=${encodeURIComponent(o.key)}`, { payload: { name: 'Slash Lever', email: 'slash-lever@example.com' } });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await inject('OPTIONS', `${base}/`)).statusCode).toBe(204);
  });

  it('hosted pages: the board at /jobs/:slug/ as at /jobs/:slug', async () => {
    const a = await inject('GET', `/jobs/${o.org.slug}`);
    const b = await inject('GET', `/jobs/${o.org.slug}/`);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.body).toContain('Slash Engineer');
  });
});
