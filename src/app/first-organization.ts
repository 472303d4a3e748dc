import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { systemFork } from '../db/request-scope';
import { ConfigError, type BootstrapConfig, type Config } from '../config';
import { withStartupLock } from '../db/database';
import { BadInputError } from '../errors';
import { Organization, Plan } from '../modules/organizations/organization.entity';
import { validateNewOrganization, type CreateOrganizationInput } from '../modules/users/signup.service';
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

function bootstrapInput(b: BootstrapConfig): CreateOrganizationInput {
  return { slug: b.slug, name: b.name, plan: b.plan === 'BASIC' ? Plan.BASIC : Plan.FULL, adminEmail: b.adminEmail, adminPassword: b.adminPassword };
}

const ENV_OF_FIELD: Record<string, string> = {
  slug: 'JOBGATE_BOOTSTRAP_ORG_SLUG',
  name: 'JOBGATE_BOOTSTRAP_ORG_NAME',
  plan: 'JOBGATE_BOOTSTRAP_PLAN',
  adminEmail: 'JOBGATE_BOOTSTRAP_ADMIN_EMAIL',
  adminPassword: 'JOBGATE_BOOTSTRAP_ADMIN_PASSWORD',
};

/**
 * The bootstrap organization is configuration: checked with the same rules as
 * `signup.createOrganization`, but before the database is opened or migrated, and
 * reported with the variable's name.
 */
export function validateBootstrapConfig(config: Config): void {
  if (!config.bootstrap) return;
  try {
    validateNewOrganization(bootstrapInput(config.bootstrap));
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    throw new ConfigError(err.problems.map((p) => `${ENV_OF_FIELD[p.field] ?? p.field} ${p.message}`).join('; '));
  }
}

/**
 * First start on an empty database: create the bootstrap organization from the
 * environment, or (embedded mode only) the demo organization. Both happen once;
 * restarts find an organization and change nothing. It runs under the start-up
 * lock (the migrations' advisory lock), so instances starting together on an
 * empty database do not both create it: the second one finds it and does nothing.
 */
export async function seedFirstOrganization(
  config: Config,
  services: Services,
  logger: Logger,
  database: { url: string; embedded: boolean },
): Promise<DemoLogin | null> {
  return withStartupLock(database.url, () => seedOnce(config, services, logger, database.embedded));
}

async function seedOnce(config: Config, services: Services, logger: Logger, embedded: boolean): Promise<DemoLogin | null> {
  const em = systemFork(services.orm);
  if ((await em.count(Organization, {})) > 0) return null;
  if (config.bootstrap) {
    const { organization } = await services.signup.createOrganization(bootstrapInput(config.bootstrap));
    logger.info({ organizationId: organization.id, slug: organization.slug }, 'bootstrap organization created');
    return null;
  }
  if (!embedded || !config.demo) return null;
  const password = config.demoPassword ?? randomBytes(12).toString('base64url');
  const { organization } = await services.signup.createOrganization({
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
