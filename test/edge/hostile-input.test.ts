import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixture, countRows, type ApplyFixture } from '../applications/helpers';
import { login, startTestApp, type TestApp } from '../helpers/test-app';
import { PUBLIC } from '../postings/helpers';
import { HOSTILE_CASES, LIST, type Caller, type Case } from './hostile-cases';

describe('hostile input gets a clear error', () => {
  let t: TestApp;
  let f: ApplyFixture;
  let tokens: Record<Caller, string | null>;

  beforeAll(async () => {
    t = await startTestApp();
    f = await applyFixture(t);
    tokens = { anonymous: null, admin: await login(t, f.org.slug, f.org.adminEmail, f.org.adminPassword), postingsKey: f.key };
  });
  afterAll(async () => t?.close());

  async function send(c: Case) {
    const token = tokens[c.caller];
    const body = c.body(f);
    const res = await t.app.inject({
      method: 'POST',
      url: c.path,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body, json: res.json() as { errors?: { message: string; extensions?: { code?: string; field?: string; fields?: { field: string }[] } }[] } };
  }

  it.each(HOSTILE_CASES.map((c) => [c.what, c] as const))('%s is BAD_USER_INPUT naming the field, never a 5xx', async (_what, c) => {
    const res = await send(c);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toMatch(/INTERNAL_SERVER_ERROR|Internal server error/);
    const error = res.json.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const named = [error?.extensions?.field, ...(error?.extensions?.fields ?? []).map((p) => p.field), error?.message].join(' ');
    expect(named).toContain(c.field);
  });

  it('the whole list, sent again back to back, gets no 5xx and no INTERNAL_SERVER_ERROR, and writes nothing', async () => {
    const before = await countRows(t, 'applications', f.org.organizationId);
    const answers = [];
    for (const c of HOSTILE_CASES) answers.push(await send(c));
    expect(answers.filter((a) => a.status >= 500).map((a) => a.body)).toEqual([]);
    expect(answers.filter((a) => /INTERNAL_SERVER_ERROR/.test(a.body)).map((a) => a.body)).toEqual([]);
    expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before);
    expect(before).toBe(0);
  });

  it('still accepts the same fields with ordinary text, including paired surrogates (emoji)', async () => {
    const res = await t.gql<{ postings: { totalCount: number } }>(LIST('filter: { search: $s }', '($s: String)'), { s: 'engineer 🚀' }, { token: f.key, path: PUBLIC });
    expect(res.errors).toBeUndefined();
    expect(res.data?.postings.totalCount).toBeGreaterThanOrEqual(0);
  });
});
