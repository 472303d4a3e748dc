import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, type Part } from '../helpers/multipart';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { countRows } from '../applications/helpers';
import { openForm } from '../career-pages/helpers';
import { boardIdOf, createPosting, orgWithTokens } from '../compat/helpers';

/**
 * Issue 19 §3: hostile text on every non-GraphQL surface (hosted pages, Lever,
 * Greenhouse, the feed, files, uploads) — NUL bytes, lone surrogates, overlong or
 * invalid UTF-8 — gets a 400 in the surface's own shape naming the field: never a
 * 5xx, never a JSON body on an HTML page, and nothing written.
 */
type Shape = 'html' | 'lever' | 'greenhouse' | 'rest';

interface Fixture {
  slug: string;
  key: string;
  posting: string;
  boardId: number;
}

interface RestCase {
  what: string;
  shape: Shape;
  field: string;
  send: (t: TestApp, f: Fixture) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>;
}

/** Percent-encoded in a URL: a NUL, a lone surrogate (U+D800 as UTF-8), an overlong NUL, a byte that starts nothing. */
const ENCODED = { NUL: 'a%00b', LONE: 'a%ED%A0%80b', OVERLONG: 'a%C0%80b', INVALID: 'a%FFb' } as const;
const BOARD_PARAMS = ['q', 'team', 'location', 'department', 'commitment', 'level'];
const LEVER_FILTERS = ['location', 'commitment', 'team', 'department', 'level'];
/** A JSON text with a lone surrogate escape, which JSON.stringify would never produce. */
const LONE_JSON = '"x\\ud800y"';

const get = (url: string) => (t: TestApp) => t.app.inject({ method: 'GET', url });
const postJson = (url: (f: Fixture) => string, body: string, headers: (f: Fixture) => Record<string, string> = () => ({})) => (t: TestApp, f: Fixture) =>
  t.app.inject({ method: 'POST', url: url(f), headers: { 'content-type': 'application/json', ...headers(f) }, payload: body });
const postForm = (url: (f: Fixture) => string, parts: Part[], headers: (f: Fixture) => Record<string, string> = () => ({})) => (t: TestApp, f: Fixture) => {
  const form = multipart(parts);
  return t.app.inject({ method: 'POST', url: url(f), headers: { 'content-type': form.contentType, ...headers(f) }, payload: form.body });
};
const leverApply = (f: Fixture) => `/v0/postings/${f.slug}/${f.posting}?key=${f.key}`;
const ghApply = (f: Fixture) => `/v1/boards/${f.slug}/jobs/${f.boardId}`;
const basic = (f: Fixture) => ({ authorization: `Basic ${Buffer.from(`${f.key}:`).toString('base64')}` });
const json = (fields: Record<string, string>, override: [string, string]) =>
  `{${[...Object.entries(fields).filter(([k]) => k !== override[0]).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), `${JSON.stringify(override[0])}:${override[1]}`].join(',')}}`;
const LEVER_FIELDS = { name: 'Ada', email: 'ada@example.com', phone: '+1 555', org: 'Engines', comments: 'Hi' };
const GH_FIELDS = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+1 555' };

const CASES: RestCase[] = [
  // The hosted board's query parameters, each with every kind of bad text.
  ...BOARD_PARAMS.flatMap((param) =>
    Object.entries(ENCODED).map(([kind, value]): RestCase => ({ what: `board ?${param}= ${kind}`, shape: 'html', field: param, send: (t, f) => get(`/jobs/${f.slug}?${param}=${value}`)(t) })),
  ),
  { what: 'board slug NUL', shape: 'html', field: 'slug', send: get('/jobs/a%00b') },
  { what: 'posting id NUL', shape: 'html', field: 'postingId', send: (t, f) => get(`/jobs/${f.slug}/a%00b`)(t) },
  { what: 'apply form ?source= NUL', shape: 'html', field: 'source', send: (t, f) => get(`/jobs/${f.slug}/${f.posting}/apply?source=${ENCODED.NUL}`)(t) },
  // Lever's list filters, and its site.
  ...LEVER_FILTERS.flatMap((param) =>
    (['NUL', 'LONE', 'OVERLONG'] as const).map((kind): RestCase => ({ what: `Lever ?${param}= ${kind}`, shape: 'lever', field: param, send: (t, f) => get(`/v0/postings/${f.slug}?${param}=${ENCODED[kind]}`)(t) })),
  ),
  { what: 'Lever site NUL', shape: 'lever', field: 'site', send: get('/v0/postings/a%00b') },
  { what: 'Lever ?mode= NUL', shape: 'lever', field: 'mode', send: (t, f) => get(`/v0/postings/${f.slug}?mode=${ENCODED.NUL}`)(t) },
  // Lever apply: JSON (NUL and lone surrogate) and multipart (NUL).
  ...Object.keys(LEVER_FIELDS).flatMap((field): RestCase[] => [
    { what: `Lever apply JSON ${field} NUL`, shape: 'lever', field, send: postJson(leverApply, json(LEVER_FIELDS, [field, '"x\\u0000y"'])) },
    { what: `Lever apply JSON ${field} lone surrogate`, shape: 'lever', field, send: postJson(leverApply, json(LEVER_FIELDS, [field, LONE_JSON])) },
  ]),
  { what: 'Lever apply JSON answer NUL', shape: 'lever', field: 'answers.why', send: postJson(leverApply, json(LEVER_FIELDS, ['answers', '{"why":"a\\u0000b"}'])) },
  ...['name', 'email', 'comments'].map((field): RestCase => ({
    what: `Lever apply multipart ${field} NUL`,
    shape: 'lever',
    field,
    send: postForm(leverApply, Object.entries({ ...LEVER_FIELDS, [field]: 'x\u0000y' }).map(([name, value]) => ({ name, value }))),
  })),
  // Greenhouse apply: JSON and multipart; the board token.
  ...Object.keys(GH_FIELDS).flatMap((field): RestCase[] => [
    { what: `Greenhouse apply JSON ${field} NUL`, shape: 'greenhouse', field, send: postJson(ghApply, json(GH_FIELDS, [field, '"x\\u0000y"']), basic) },
    { what: `Greenhouse apply JSON ${field} lone surrogate`, shape: 'greenhouse', field, send: postJson(ghApply, json(GH_FIELDS, [field, LONE_JSON]), basic) },
    {
      what: `Greenhouse apply multipart ${field} NUL`,
      shape: 'greenhouse',
      field,
      send: postForm(ghApply, Object.entries({ ...GH_FIELDS, [field]: 'x\u0000y' }).map(([name, value]) => ({ name, value })), basic),
    },
  ]),
  { what: 'Greenhouse board token NUL', shape: 'greenhouse', field: 'token', send: get('/v1/boards/a%00b/jobs') },
  { what: 'Greenhouse ?render_as= NUL', shape: 'greenhouse', field: 'render_as', send: (t, f) => get(`/v1/boards/${f.slug}/departments?render_as=${ENCODED.NUL}`)(t) },
  // The feed, signed files, uploads.
  { what: 'feed slug NUL', shape: 'rest', field: 'slug', send: get('/feeds/a%00b.xml') },
  // The router refuses an undecodable path before any route: the REST shape, naming the path.
  { what: 'feed slug lone surrogate', shape: 'rest', field: 'path', send: get('/feeds/a%ED%A0%80b.xml') },
  { what: 'file ?sig= NUL', shape: 'rest', field: 'sig', send: get(`/files/00000000-0000-4000-8000-000000000000?expires=9999999999&sig=${ENCODED.NUL}`) },
  { what: 'file ?expires= overlong', shape: 'rest', field: 'expires', send: get(`/files/00000000-0000-4000-8000-000000000000?expires=${ENCODED.OVERLONG}&sig=x`) },
  {
    what: 'upload purpose NUL',
    shape: 'rest',
    field: 'purpose',
    send: postForm(() => '/uploads', [{ name: 'purpose', value: 'RES\u0000UME' }, { name: 'file', value: Buffer.from('%PDF-1.4\n%%EOF\n'), filename: 'cv.pdf', contentType: 'application/pdf' }], (f) => ({
      authorization: `Bearer ${f.key}`,
    })),
  },
];

describe('hostile input on the REST, XML and HTML surfaces', () => {
  let t: TestApp;
  let f: Fixture;
  let organizationId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    const o = await orgWithTokens(t);
    organizationId = o.org.organizationId;
    const posting = await createPosting(t, o.admin, { title: 'Hostile', questions: [{ id: 'why', label: 'Why?', kind: 'TEXT', required: false }] });
    f = { slug: o.org.slug, key: o.key, posting, boardId: await boardIdOf(t, o.org.slug, 'Hostile') };
  }, 60_000);
  afterAll(async () => t?.close());

  it.each(CASES.map((c) => [c.what, c] as const))('%s: 400 in the surface’s shape, naming the field', async (_what, c) => {
    const res = await c.send(t, f);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    const type = String(res.headers['content-type']);
    if (c.shape === 'html') {
      expect(type).toMatch(/^text\/html/);
      expect(res.body).toContain('<h1>');
      expect(res.body).toContain(`“${c.field}”`);
      return;
    }
    expect(type).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    if (c.shape === 'lever') {
      expect(body.ok).toBe(false);
      expect(String(body.error)).toContain(c.field);
    } else if (c.shape === 'greenhouse') {
      expect(body.status).toBe(400);
      expect(String(body.error)).toContain(c.field);
    } else {
      const error = body.error as { code: string; field?: string; message: string };
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.field).toBe(c.field);
    }
  });

  it('writes nothing, and the hosted apply form refuses a NUL in its text fields the same way', async () => {
    const form = await openForm(t, `/jobs/${f.slug}/${f.posting}/apply`);
    for (const field of ['name', 'email', 'phone']) {
      const fields: Record<string, string> = { token: form.token, name: 'Ada', email: 'ada-form@example.com', phone: '+1 555', [field]: 'x\u0000y' };
      const body = multipart(Object.entries(fields).map(([name, value]) => ({ name, value })));
      const res = await t.app.inject({
        method: 'POST',
        url: `/jobs/${f.slug}/${f.posting}/apply`,
        headers: { 'content-type': body.contentType },
        payload: body.body,
      });
      expect(res.statusCode).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
      expect(res.body).toContain(`“${field}”`);
    }
    expect(await countRows(t, 'applications', organizationId)).toBe(0);
    const [files] = await t.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from stored_files');
    expect(Number(files!.n)).toBe(0);
  });

  it('still serves ordinary text, emoji included', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/jobs/${f.slug}?q=${encodeURIComponent('engineer 🚀')}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/v0/postings/${f.slug}?team=${encodeURIComponent('R&D 🚀')}` })).statusCode).toBe(200);
    const res = await postJson(leverApply, JSON.stringify({ ...LEVER_FIELDS, name: 'Ada 🚀', email: 'ada-ok@example.com' }))(t, f);
    expect(res.statusCode, res.body).toBe(200);
  });
});
