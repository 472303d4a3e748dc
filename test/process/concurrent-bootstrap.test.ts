import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFirstOrganization } from '../../src/app/first-organization';
import { loadConfig } from '../../src/config';
import { connectOrm } from '../../src/app/orm-config';
import { createLogger } from '../../src/logger';
import { createServices, type Services } from '../../src/app/services';
import { createTestDatabase } from '../helpers/database';
import { query } from '../helpers/service-process';
import { TEST_SECRET_KEY } from '../helpers/test-app';

/**
 * Instances starting together on an empty database with the same JOBGATE_BOOTSTRAP_*
 * settings: each seeds under the start-up lock, so the first creates the organization
 * and the others find it (before: one failed with `slug "…" is already taken`).
 */
describe('first-organization seeding by instances starting together', () => {
  let databaseUrl: string;
  const instances: Services[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    for (const s of instances) {
      await s.close();
      await s.orm.close();
    }
  });

  it('creates the organization once and every instance comes up', async () => {
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
      JOBGATE_BOOTSTRAP_ORG_SLUG: 'together',
      JOBGATE_BOOTSTRAP_ADMIN_EMAIL: 'boss@together.test',
      JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'together password 1',
    });
    for (let i = 0; i < 4; i += 1) {
      instances.push(await createServices(config, await connectOrm({ clientUrl: databaseUrl, poolMax: 2 }), createLogger('warn')));
    }
    const results = await Promise.allSettled(instances.map((s) => seedFirstOrganization(config, s, s.logger, { url: databaseUrl, embedded: false })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await query(databaseUrl, 'select slug from organizations')).toEqual([{ slug: 'together' }]);
    expect(await query(databaseUrl, 'select email from users')).toEqual([{ email: 'boss@together.test' }]);
    expect(await query(databaseUrl, `select count(*)::int as n from audit_events where action = 'organization.created'`)).toEqual([{ n: 1 }]);
  });
});
