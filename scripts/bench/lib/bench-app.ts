import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../../src/config';
import { connectOrm } from '../../../src/app/orm-config';
import { buildApp } from '../../../src/app/build-app';
import { createLogger } from '../../../src/logger';
import { Plan } from '../../../src/modules/organizations/organization.entity';
import { insertSyntheticPostings } from '../../synthetic-postings';
import { createServices, type Services } from '../../../src/app/services';

export interface BenchApp {
  base: string;
  services: Services;
  orm: MikroORM;
  /** SQL statements issued through the ORM since start (counted by its onQuery hook). */
  queries: { count: number };
  close(): Promise<void>;
}

/**
 * The real app in this process (buildApp + createServices, as main.ts does) on port 0,
 * with extra environment (e.g. JOBGATE_PUBLIC_CACHE_BYTES=0) so one run can compare
 * configurations side by side.
 */
export async function startBenchApp(url: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const config = loadConfig({ DATABASE_URL: url, JOBGATE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), LOG_LEVEL: 'warn', JOBGATE_DEMO: 'false', PORT: '0', ...env });
  const queries = { count: 0 };
  const orm = (await connectOrm({ clientUrl: url, poolMax: 10, onQuery: () => void (queries.count += 1) })) as MikroORM;
  const services = await createServices(config, orm, createLogger('warn'));
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    services,
    orm,
    queries,
    async close() {
      await app.close();
      await services.close();
      await orm.close();
    },
  };
}

export interface BenchOrg {
  id: string;
  slug: string;
  /** The postings key (jgp_…) a career site sends to /public/graphql. */
  postingsKey: string;
}

async function gql(base: string, path: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (!json.data) throw new Error(`${path} failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** An organization with `postings` synthetic published postings (the project's seeder), and its postings key revealed as an admin would. */
export async function createBenchOrg(app: BenchApp, postings: number, onProgress?: (n: number) => void): Promise<BenchOrg> {
  const slug = `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const password = 'a long bench password';
  const { organization } = await app.services.signup.createOrganization({ slug, name: 'Bench', plan: Plan.FULL, adminEmail: `admin@${slug}.test`, adminPassword: password });
  if (postings > 0) {
    const em = app.orm.em.fork();
    await insertSyntheticPostings(em, organization.id, postings, onProgress);
    // Fresh statistics, as the seed command does, so plans use the indexes at once.
    await em.getConnection().execute('analyze postings');
    await app.services.postings.changed(organization.id);
  }
  const login = await gql(app.base, '/graphql', 'mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }', {
    s: slug,
    e: `admin@${slug}.test`,
    p: password,
  });
  const session = (login.login as { token: string }).token;
  const revealed = await gql(app.base, '/graphql', 'mutation { revealPostingsApiKey }', {}, session);
  return { id: organization.id, slug, postingsKey: revealed.revealPostingsApiKey as string };
}

export const publicGql = (base: string, query: string, variables: Record<string, unknown>, key: string) => gql(base, '/public/graphql', query, variables, key);
