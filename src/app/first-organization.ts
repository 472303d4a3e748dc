import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { Organization, Plan } from '../modules/organizations/organization.entity';
import { seedDemoPostings } from '../modules/postings/demo-postings';
import { seedDemoBranding } from '../modules/career-pages/demo-branding';
import type { Services } from './services';

export interface DemoLogin {
  organizationSlug: string;
  email: string;
  password: string;
}

/** Extra demo content (sample postings) from the modules that have some. */
export type DemoSeeder = (services: Services, organizationId: string) => Promise<void>;
const DEMO_SEEDERS: DemoSeeder[] = [seedDemoPostings, seedDemoBranding];

const DEMO_SLUG = 'acme';
const DEMO_EMAIL = 'admin@acme.example';

/**
 * First start on an empty database: create the bootstrap organization from the
 * environment, or (embedded mode only) the demo organization. Both happen once;
 * restarts find an organization and change nothing.
 */
export async function seedFirstOrganization(
  config: Config,
  services: Services,
  logger: Logger,
  embedded: boolean,
): Promise<DemoLogin | null> {
  const em = services.orm.em.fork();
  if ((await em.count(Organization, {})) > 0) return null;
  if (config.bootstrap) {
    const b = config.bootstrap;
    const { organization } = await services.organizations.create({
      slug: b.slug,
      name: b.name,
      plan: b.plan === 'BASIC' ? Plan.BASIC : Plan.FULL,
      adminEmail: b.adminEmail,
      adminPassword: b.adminPassword,
    });
    logger.info({ organizationId: organization.id, slug: b.slug }, 'bootstrap organization created');
    return null;
  }
  if (!embedded || !config.demo) return null;
  const password = config.demoPassword ?? randomBytes(12).toString('base64url');
  const { organization } = await services.organizations.create({
    slug: DEMO_SLUG,
    name: 'Acme Corporation',
    plan: Plan.FULL,
    adminEmail: DEMO_EMAIL,
    adminPassword: password,
    adminName: 'Acme Admin',
  });
  for (const seed of DEMO_SEEDERS) await seed(services, organization.id);
  return { organizationSlug: DEMO_SLUG, email: DEMO_EMAIL, password };
}
