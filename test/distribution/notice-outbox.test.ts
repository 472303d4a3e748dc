import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchNoticePump } from '../../src/modules/postings';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPosting } from '../postings/helpers';

const PUBLIC_URL = 'https://jobs.example.test';

let t: TestApp;
let org: SeededOrg;
let token: string;

beforeAll(async () => {
  // No worker: the jobs the pumps add stay in the queue to be read. Nothing listens at the endpoint.
  t = await startTestApp({ env: { JOBGATE_PUBLIC_URL: PUBLIC_URL, JOBGATE_INDEXNOW_ENDPOINT: 'http://127.0.0.1:9/indexnow', JOBGATE_WORKER: 'false' } });
  org = await createOrg(t);
  token = await login(t, org.slug, org.adminEmail, org.adminPassword);
  const res = await t.gql(`mutation { updateOrganizationSettings(input: { submitHostedPages: true }) { settingsVersion } }`, {}, { token });
  expect(res.errors).toBeUndefined();
  // This test runs the pumps itself.
  await t.services.searchNotices.pump.stop();
});
afterAll(async () => {
  await t?.close();
});

const rows = async <T>(sql: string) => t.orm.em.fork().execute<T[]>(sql);

describe('search notices go through the outbox', () => {
  it('a posting change writes one outbox row in its transaction and touches no job', async () => {
    t.statements.length = 0;
    const id = await createPosting(t, token);
    const sql = t.statements.join('\n');
    expect(sql).toContain('insert into search_notice_outbox');
    expect(sql).not.toContain('add_job');
    expect(await rows<{ url: string; kind: string }>(`select url, kind from search_notice_outbox`)).toEqual([{ url: `${PUBLIC_URL}/jobs/${org.slug}/${id}`, kind: 'URL_UPDATED' }]);
  });

  it('two pumps at once hand every notice to the engine job exactly once, and empty the outbox', async () => {
    for (let i = 0; i < 30; i++) await createPosting(t, token);
    const expected = (await rows<{ url: string }>(`select url from search_notice_outbox`)).map((r) => r.url).sort();
    expect(expected).toHaveLength(31);
    const other = new SearchNoticePump(t.orm, { jobs: t.services.jobs, publicUrl: PUBLIC_URL, routes: [{ task: 'search-engine-notice' }] }, t.services.logger, 60_000);
    const moved = await Promise.all([t.services.searchNotices.pump.pumpOnce(), other.pumpOnce()]);
    expect(moved[0] + moved[1]).toBe(31);
    const jobs = await rows<{ payload: { url: string }[] }>(`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'search-engine-notice'`);
    expect(jobs.flatMap((j) => j.payload.map((n) => n.url)).sort()).toEqual(expected);
    expect(await rows(`select * from search_notice_outbox`)).toEqual([]);
  });

  it('a page changed several times between two pumps is announced once, as it is now', async () => {
    await t.orm.em.fork().execute(`delete from graphile_worker._private_jobs`);
    const id = await createPosting(t, token);
    const closed = await t.gql(`mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }`, { id }, { token });
    expect(closed.errors).toBeUndefined();
    expect(await rows<{ kind: string }>(`select kind from search_notice_outbox order by id`)).toEqual([{ kind: 'URL_UPDATED' }, { kind: 'URL_DELETED' }]);
    expect(await t.services.searchNotices.pump.pumpOnce()).toBe(2);
    const jobs = await rows<{ payload: { url: string; kind: string }[] }>(
      `select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'search-engine-notice'`,
    );
    expect(jobs.flatMap((j) => j.payload.map((n) => ({ url: n.url, kind: n.kind })))).toEqual([{ url: `${PUBLIC_URL}/jobs/${org.slug}/${id}`, kind: 'URL_DELETED' }]);
  });
});
