import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPERATION_LABELS } from '../../src/http/apollo-plugins';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';

describe('hardening at the edge', () => {
  let t: TestApp;
  let org: SeededOrg;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, payload });

  function expectClientError(res: { statusCode: number; body: string }) {
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/Internal server error/i);
  }

  describe('request limits', () => {
    it('a body over 1 MB is 413', async () => {
      const query = `{ me { id } } # ${'x'.repeat(1024 * 1024)}`;
      const res = await post(JSON.stringify({ query }));
      expect(res.statusCode).toBe(413);
    });

    it('a body just under 1 MB is not refused for its size', async () => {
      const res = await post(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(900 * 1024) } }));
      expect(res.statusCode).toBe(200);
    });

    it('a query deeper than 6 is refused with a client error', async () => {
      const deep = '{ __type(name: "User") { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } }';
      const res = await post(JSON.stringify({ query: deep }));
      expectClientError(res);
      expect((res.json() as { errors: { message: string }[] }).errors[0].message).toMatch(/depth/i);
      const ok = await post(JSON.stringify({ query: '{ users { edges { node { id } } } }' }));
      expect(ok.statusCode).toBe(200);
    });

    it('more than 15 aliases are refused with a client error', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
      const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
      expectClientError(res);
      expect((res.json() as { errors: { message: string }[] }).errors[0].message).toMatch(/alias/i);
      const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ');
      expect((await post(JSON.stringify({ query: `{ ${fifteen} }` }))).statusCode).toBe(200);
    });

    it('more than 1000 tokens are refused with a client error', async () => {
      const fields = Array.from({ length: 1100 }, () => '__typename').join(' ');
      const res = await post(JSON.stringify({ query: `{ ${fields} }` }));
      expectClientError(res);
      expect((res.json() as { errors: { message: string }[] }).errors[0].message).toMatch(/token/i);
    });

    it('a batched (array) request is refused with a client error', async () => {
      const res = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { email } }' }]));
      expectClientError(res);
    });

    it('malformed JSON and a missing query are client errors', async () => {
      expectClientError(await post('{"query": '));
      expectClientError(await post(JSON.stringify({ variables: {} })));
      expectClientError(await post(JSON.stringify({ query: '{ me { ' })));
    });
  });

  describe('garbage variables', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['a bad date', 'query($s: DateTimeISO) { auditEvents(filter: { since: $s }) { totalCount } }', { s: 'yesterday-ish' }],
      ['an Int overflow', 'query($f: Int) { users(first: $f) { totalCount } }', { f: 2 ** 31 }],
      ['a string for an Int', 'query($f: Int) { users(first: $f) { totalCount } }', { f: 'ten' }],
      ['a huge cursor', 'query($a: String) { users(after: $a) { totalCount } }', { a: 'x'.repeat(100_000) }],
      ['an unknown enum', 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email: 'e@x.test', name: 'n', role: 'GOD', password: 'long enough password' } }],
      ['a missing input field', 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email: 'e@x.test', role: 'ADMIN', password: 'long enough password' } }],
      ['a null id', 'query($id: ID!) { user(id: $id) { id } }', { id: null }],
    ];
    for (const [what, query, variables] of cases) {
      it(`${what} is BAD_USER_INPUT with a 4xx`, async () => {
        const res = await t.gql(query, variables, { token });
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      });
    }
  });

  describe('malformed credentials', () => {
    for (const authorization of ['Bearer', 'Bearer ', 'Bearer jgs_', 'Bearer jgs_short', `Bearer jgs_${'a'.repeat(36)}`, 'Basic !!!', 'Basic ' + Buffer.from(':').toString('base64'), 'Token abc', 'x'.repeat(5000)]) {
      it(`"${authorization.slice(0, 30)}" is UNAUTHENTICATED, not a server error`, async () => {
        const res = await t.gql('{ me { id } }', {}, { headers: { authorization } });
        expect(res.status).toBeLessThan(500);
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });
    }
  });

  describe('field suggestions', () => {
    it('are shown in development', async () => {
      const res = await t.gql('{ mee { id } }', {}, { token });
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toMatch(/Did you mean/);
    });

    it('are masked when NODE_ENV=production', async () => {
      const prod = await startTestApp({ databaseUrl: t.databaseUrl, env: { NODE_ENV: 'production' } });
      try {
        const res = await prod.gql('{ mee { id } }', {}, { token });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.errors?.[0]?.message).toBeTruthy();
        expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|"me"/);
      } finally {
        await prod.close();
      }
    });
  });

  describe('logs', () => {
    it('never contain a token or a password during a scripted session', async () => {
      const probe = await startTestApp({ databaseUrl: t.databaseUrl });
      try {
        const userPassword = 'user secret password 42';
        const sessionToken = await login(probe, org.slug, org.adminEmail, org.adminPassword);
        await probe.gql('{ me { id } }', {}, { token: sessionToken });
        await probe.gql(
          'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
          { input: { email: `logged@${org.slug}.test`, name: 'Logged', role: 'ADMIN', password: userPassword } },
          { token: sessionToken },
        );
        // Failing paths log too: a bad login, an unknown token, a bad password input.
        await probe.gql('mutation($p: String!) { login(organizationSlug: "x", email: "y@z.test", password: $p) { token } }', { p: userPassword });
        await probe.gql('{ me { id } }', {}, { token: `${sessionToken.slice(0, -1)}x` });
        await probe.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: 'bad', name: 'n', role: 'ADMIN', password: 'short' } }, { token: sessionToken });
        await probe.gql('mutation { logout }', {}, { token: sessionToken });
        // A careless log call with secret-shaped fields is redacted by the logger itself.
        probe.services.logger.info({ password: userPassword, token: sessionToken, req: { headers: { authorization: `Bearer ${sessionToken}` } }, nested: { secret: 'shh-its-secret' } }, 'careless');

        const text = probe.rawLogs.join('');
        expect(probe.logs.length).toBeGreaterThan(3);
        expect(text).toContain('careless');
        for (const secret of [sessionToken, sessionToken.slice(4), org.adminPassword, userPassword, 'shh-its-secret', 'short"']) {
          expect(text).not.toContain(secret);
        }
        expect(text).not.toMatch(/jgs_[0-9A-Za-z]{10}/);
      } finally {
        await probe.close();
      }
    });

    it('honour a sane x-request-id and generate one otherwise', async () => {
      const given = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-abc-123' } });
      expect(given.headers['x-request-id']).toBe('trace-abc-123');
      expect(t.logs.some((l) => l.reqId === 'trace-abc-123')).toBe(true);
      const generated = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(String(generated.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
      const hostile = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\twith "quotes"' } });
      expect(hostile.headers['x-request-id']).not.toBe('bad id\twith "quotes"');
      expect(String(hostile.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
      // The GraphQL answer carries it too.
      const gql = await t.gql('{ me { id } }', {}, { token, headers: { 'x-request-id': 'gql-req-1' } });
      expect(gql.headers['x-request-id']).toBe('gql-req-1');
    });
  });

  describe('operations endpoints', () => {
    it('healthz is 200', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
    });

    it('readyz is 200 while the database answers, 503 once the ORM is closed', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      const other = await startTestApp({ databaseUrl: t.databaseUrl });
      try {
        expect((await other.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        await other.orm.close();
        const res = await other.app.inject({ method: 'GET', url: '/readyz' });
        expect(res.statusCode).toBe(503);
      } finally {
        await other.app.close();
        await other.services.close();
      }
    });

    it('/metrics has per-route and per-operation series', async () => {
      await t.gql('query Me { me { id } }', {}, { token });
      await t.gql('query Me { me { id } }', {}, { token });
      await t.gql('query Broken { users(first: 0) { totalCount } }', {}, { token });
      await t.app.inject({ method: 'GET', url: '/healthz' });
      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      const body = res.body;
      expect(body).toMatch(/jobgate_http_requests_total\{[^}]*route="\/graphql"[^}]*\} \d+/);
      expect(body).toMatch(/jobgate_http_requests_total\{[^}]*route="\/healthz"[^}]*\} \d+/);
      expect(body).toMatch(/jobgate_http_request_duration_seconds_bucket\{[^}]*route="\/graphql"/);
      expect(body).toMatch(/jobgate_graphql_operations_total\{[^}]*operation="Me"[^}]*outcome="ok"[^}]*\} [2-9]/);
      expect(body).toMatch(/jobgate_graphql_operations_total\{[^}]*operation="Broken"[^}]*outcome="error"/);
      expect(body).toMatch(/jobgate_graphql_operation_duration_seconds_bucket\{[^}]*operation="Me"/);
    });

    it('client-chosen operation names cannot grow the metrics without bound', async () => {
      const probe = await startTestApp({ databaseUrl: t.databaseUrl });
      try {
        for (let i = 0; i < MAX_OPERATION_LABELS + 20; i += 1) await probe.gql(`query Op${i} { __typename }`);
        const body = (await probe.app.inject({ method: 'GET', url: '/metrics' })).body;
        const names = new Set([...body.matchAll(/jobgate_graphql_operations_total\{[^}]*operation="([^"]+)"/g)].map((m) => m[1]));
        expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
        expect(names).toContain('other');
        expect(names).toContain('Op0');
      } finally {
        await probe.close();
      }
    });

    it('an unknown route is a JSON 404', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/nope?token=abc' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });
});
