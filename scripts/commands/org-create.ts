import { parseArgs } from 'node:util';
import { BadInputError } from '../../src/errors';
import { Plan } from '../../src/modules/organizations/organization.entity';
import type { Command } from './command';

export const orgCreate: Command = {
  usage: '--slug S --name N --plan BASIC|FULL --admin-email E --admin-password P',
  async run(services, args) {
    const { values } = parseArgs({
      args,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        plan: { type: 'string', default: 'FULL' },
        'admin-email': { type: 'string' },
        'admin-password': { type: 'string' },
        'admin-name': { type: 'string' },
      },
      strict: true,
    });
    const missing = ['slug', 'name', 'admin-email', 'admin-password'].filter((k) => !values[k as keyof typeof values]);
    if (missing.length) throw new BadInputError(missing.map((field) => ({ field: `--${field}`, message: 'is required' })));
    const plan = String(values.plan).toUpperCase();
    if (plan !== Plan.BASIC && plan !== Plan.FULL) throw BadInputError.field('--plan', 'must be BASIC or FULL');
    const { organization, admin } = await services.signup.createOrganization({
      slug: values.slug!,
      name: values.name!,
      plan: plan as Plan,
      adminEmail: values['admin-email']!,
      adminPassword: values['admin-password']!,
      adminName: values['admin-name'],
    });
    return { organizationId: organization.id, slug: organization.slug, adminUserId: admin.id };
  },
};
