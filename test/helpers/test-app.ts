import { Writable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config';
import { connectOrm } from '../../src/app/orm-config';
import { buildApp } from '../../src/app/build-app';
import { createLogger } from '../../src/logger';
import { Plan } from '../../src/modules/organizations/organization.entity';
import { createServices, type Services } from '../../src/app/services';
import { createTestDatabase } from './database';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  data: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
}

/** The GraphQL error code of a response's first error (undefined when it has none). */
export function codeOf(res: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return res.errors?.[0]?.extensions?.code;
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  orm: MikroORM;
  databaseUrl: string;
  /** Every log line the instance wrote, as parsed JSON. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  /** SQL statements issued through the ORM since the last reset. */
  queries: string[];
  /**
   * Every statement sent to PostgreSQL through the instance's knex (the ORM's, raw
   * knex queries, BEGIN and COMMIT), since the last reset. `queries` misses raw knex.
   */
  statements: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export interface GqlOptions {
  token?: string;
  headers?: Record<string, string>;
  path?: string;
  remoteAddress?: string;
}

export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestAppOptions {
  /** Share a database between instances (two-instance tests); a fresh one otherwise. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** The services' wall clock for date-bound rules (Google's daily quota); the real one by default. */
  clock?: () => Date;
}

/**
 * The public API's executor as the runner asks (`JOBGATE_COMPILED_EXECUTION=false npx vitest run …`
 * runs a suite on graphql-js; `JOBGATE_COMPILE_AFTER=1` compiles every document on its first
 * request), so the whole suite can be run on either; a test's own env still wins.
 */
function executorFromRunner(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['JOBGATE_COMPILED_EXECUTION', 'JOBGATE_COMPILE_AFTER']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

/** One real instance of the service on a real database, driven through HTTP with inject. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config: Config = loadConfig({
    DATABASE_URL: databaseUrl,
    JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'info',
    JOBGATE_DEMO: 'false',
    ...executorFromRunner(),
    ...options.env,
  });
  const rawLogs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      rawLogs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const queries: string[] = [];
  const orm = await connectOrm({ clientUrl: databaseUrl, poolMax: 5, onQuery: (sql) => queries.push(sql) });
  const statements: string[] = [];
  orm.em.getKnex().on('query', (query: { sql: string }) => statements.push(query.sql));
  const services = await createServices(config, orm, logger, { embeddedDataDir: null, clock: options.clock });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    orm,
    databaseUrl,
    rawLogs,
    get logs() {
      return rawLogs.flatMap((line) => line.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    },
    queries,
    statements,
    async gql(query, variables, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const res = await app.inject({
        method: 'POST',
        url: opts.path ?? '/graphql',
        headers,
        payload: JSON.stringify({ query, variables }),
        remoteAddress: opts.remoteAddress,
      });
      const body = res.json() as { data?: unknown; errors?: GqlResponse['errors'] };
      return { status: res.statusCode, headers: res.headers, data: (body.data ?? null) as never, errors: body.errors };
    },
    async close() {
      await app.close();
      await services.close();
      await orm.close();
    },
  };
}

export interface SeededOrg {
  organizationId: string;
  slug: string;
  adminUserId: string;
  adminEmail: string;
  adminPassword: string;
}

let counter = 0;

export async function createOrg(t: TestApp, overrides: { slug?: string; plan?: Plan } = {}): Promise<SeededOrg> {
  counter += 1;
  const slug = overrides.slug ?? `org-${process.pid}-${counter}`;
  const adminEmail = `admin@${slug}.test`;
  const adminPassword = 'correct horse battery staple';
  const { organization, admin } = await t.services.signup.createOrganization({
    slug,
    name: `Org ${slug}`,
    plan: overrides.plan ?? Plan.FULL,
    adminEmail,
    adminPassword,
    adminName: 'Ada Admin',
  });
  return { organizationId: organization.id, slug, adminUserId: admin.id, adminEmail, adminPassword };
}

export const LOGIN = `mutation Login($slug: String!, $email: String!, $password: String!) {
  login(organizationSlug: $slug, email: $email, password: $password) { token expiresAt user { id email role } }
}`;

export async function login(t: TestApp, slug: string, email: string, password: string): Promise<string> {
  const res = await t.gql<{ login: { token: string } }>(LOGIN, { slug, email, password });
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** Creates a user with `role` through the API as `adminToken`, then signs in as them. */
export async function userWithRole(t: TestApp, org: SeededOrg, adminToken: string, role: string): Promise<{ id: string; token: string }> {
  counter += 1;
  const email = `${role.toLowerCase()}-${counter}@${org.slug}.test`;
  const password = 'another long password';
  const res = await t.gql<{ createUser: { id: string } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, name: `${role} ${counter}`, role, password } },
    { token: adminToken },
  );
  if (!res.data) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data.createUser.id, token: await login(t, org.slug, email, password) };
}
