import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { APPLY, applyFixture, codeOf, countRows, dataKey, minimalInput, type ApplyFixture } from '../applications/helpers';
import { login, startTestApp, type TestApp } from '../helpers/test-app';
import { PUBLIC } from '../postings/helpers';

/** Issue 9 §4 and §6, issue 10 §3: one pipeline per request, bounded before authentication. */
describe('request pipeline', () => {
  let t: TestApp;
  let f: ApplyFixture;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await applyFixture(t);
    admin = await login(t, f.org.slug, f.org.adminEmail, f.org.adminPassword);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: string, token?: string) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload });
  const HOSTILE_DOCUMENT = JSON.stringify({ query: `{ ${'a '.repeat(520_000)}}` });

  describe('before authentication nothing is parsed', () => {
    it('an anonymous public request is refused before its body is read, even when the body is not JSON', async () => {
      const res = await post(PUBLIC, '{"query": ');
      expect(res.statusCode).toBe(401);
      expect(res.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('a wrong key on the admin API is refused before its body is read', async () => {
      const res = await post('/graphql', 'not json at all', `jgk_${'a'.repeat(36)}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('a data key on the public API is FORBIDDEN before its body is read', async () => {
      const key = await dataKey(t, admin, ['organization.read']);
      const res = await post(PUBLIC, 'not json at all', key);
      expect(res.statusCode).toBe(403);
      expect(res.json().errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('an anonymous 1 MB `{ a a a … }` document is a 401', async () => {
      const res = await post(PUBLIC, HOSTILE_DOCUMENT);
      expect(res.statusCode).toBe(401);
    });

    it('with a valid key the same document stops at the token limit in the parser: a 400, not a 500', async () => {
      const res = await post(PUBLIC, HOSTILE_DOCUMENT, f.key);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(res.json().errors[0].message).toMatch(/token/i);
    });

    it('deeply nested variables are BAD_USER_INPUT with HTTP 400 on the cached public path', async () => {
      const deep = `${'{"n":'.repeat(5000)}{}${'}'.repeat(5000)}`;
      const query = '{ organization { name } }';
      await post(PUBLIC, JSON.stringify({ query }), f.key); // the document is now known, so the cache hook computes a key
      const res = await post(PUBLIC, `{"query":${JSON.stringify(query)},"variables":{"v":${deep}}}`, f.key);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables' });
    });
  });

  describe('each request verifies its credential once', () => {
    it('counts one key verification for a cached public read, on a miss and on a hit', async () => {
      const authenticator = t.services.authenticator;
      const original = authenticator.authenticate.bind(authenticator);
      let calls = 0;
      authenticator.authenticate = async (meta) => {
        calls += 1;
        return original(meta);
      };
      try {
        const query = JSON.stringify({ query: '{ postings(first: 3) { totalCount } }' });
        for (let i = 0; i < 3; i++) expect((await post(PUBLIC, query, f.key)).statusCode).toBe(200);
        const upload = await t.app.inject({ method: 'POST', url: '/uploads', headers: { authorization: `Bearer ${f.key}`, 'content-type': 'text/plain' }, payload: 'x' });
        expect(upload.statusCode).toBe(400);
        expect(calls).toBe(4);
      } finally {
        authenticator.authenticate = original;
      }
    });
  });

  describe('nullable root fields and the HTTP status of permission errors', () => {
    it('one forbidden root field does not wipe out the others (200 with partial data)', async () => {
      const key = await dataKey(t, admin, ['organization.read']);
      const res = await t.gql<{ organization: { name: string } | null; me: unknown }>('{ organization { name } me { email } }', {}, { token: key });
      expect(res.status).toBe(200);
      expect(res.data?.organization?.name).toBe(`Org ${f.org.slug}`);
      expect(res.data?.me).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({ path: ['me'], extensions: { code: 'FORBIDDEN' } });
    });

    it('a lone FORBIDDEN error is a 403 and a lone UNAUTHENTICATED error a 401, as the README table says', async () => {
      const key = await dataKey(t, admin, ['organization.read']);
      const forbidden = await t.gql('{ me { email } }', {}, { token: key });
      expect(forbidden.status).toBe(403);
      expect(codeOf(forbidden)).toBe('FORBIDDEN');
      const anonymous = await t.gql('{ me { email } }', {});
      expect(anonymous.status).toBe(401);
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    });
  });

  describe('one applyToPosting per request', () => {
    it('refuses aliased applies with BAD_USER_INPUT before anything is written', async () => {
      const before = await countRows(t, 'applications', f.org.organizationId);
      const query = `mutation($p: ID!, $a: ApplicationInput!, $b: ApplicationInput!) {
        first: applyToPosting(postingId: $p, input: $a) { applicationId }
        second: applyToPosting(postingId: "00000000-0000-4000-8000-000000000000", input: $b) { applicationId }
      }`;
      const res = await t.gql(query, { p: f.plain, a: minimalInput(), b: minimalInput() }, { token: f.key, path: PUBLIC });
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'applyToPosting' });
      expect(await countRows(t, 'applications', f.org.organizationId)).toBe(before);
    });

    it('still takes one apply per request', async () => {
      const res = await t.gql<{ applyToPosting: { applicationId: string } }>(APPLY, { postingId: f.plain, input: minimalInput() }, { token: f.key, path: PUBLIC });
      expect(res.errors).toBeUndefined();
      expect(res.data?.applyToPosting.applicationId).toBeTruthy();
    });
  });

  describe('admin filter arrays', () => {
    it('are capped at 100 values, naming the field', async () => {
      const teams = Array.from({ length: 101 }, (_, i) => `team ${i}`);
      const res = await t.gql('query($t: [String!]) { postings(filter: { teams: $t }) { totalCount } }', { t: teams }, { token: admin });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('filter.teams');
      const ok = await t.gql('query($t: [String!]) { postings(filter: { teams: $t }) { totalCount } }', { t: teams.slice(0, 100) }, { token: admin });
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('production', () => {
    it('masks enum-value suggestions', async () => {
      const query = '{ postings(orderBy: NEWES) { totalCount } }';
      const dev = await t.gql(query, {}, { token: f.key, path: PUBLIC });
      expect(dev.errors?.[0]?.message).toMatch(/Did you mean the enum value/);
      const prod = await startTestApp({ databaseUrl: t.databaseUrl, env: { NODE_ENV: 'production' } });
      try {
        const res = await prod.gql(query, {}, { token: f.key, path: PUBLIC });
        expect(res.status).toBeLessThan(500);
        expect(res.errors?.[0]?.message).toBeTruthy();
        expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|NEWEST/);
      } finally {
        await prod.close();
      }
    });
  });

  describe('error logs', () => {
    it('log a database error with its SQL but without parameter values', async () => {
      const pii = 'grace.hopper@example.com';
      let error: unknown;
      try {
        await t.orm.em.getConnection().execute('select ?::int as age, ? as name', [pii, 'Grace Hopper']);
      } catch (err) {
        error = err;
      }
      expect(error).toBeTruthy();
      const lines: string[] = [];
      const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
      logger.error({ err: error }, 'unexpected error in GraphQL operation');
      const line = lines.join('');
      expect(line).not.toContain(pii);
      expect(line).not.toContain('Grace Hopper');
      const logged = JSON.parse(line) as { err: { sql: string; code: string } };
      expect(logged.err.sql).toBe('select ?::int as age, ? as name');
      expect(logged.err.code).toBe('22P02');
    });
  });
});
