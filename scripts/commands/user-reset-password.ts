import { parseArgs } from 'node:util';
import { BadInputError } from '../../src/errors';
import { Organization } from '../../src/modules/organizations/organization.entity';
import { resetPassword } from '../../src/modules/users/password-reset';
import type { Command } from './command';

/**
 * `user:reset-password --org SLUG --email E [--password P]`: sets the password
 * (or generates one and prints it once), ends the user's sessions, audited.
 */
export const userResetPassword: Command = {
  usage: '--org SLUG --email E [--password P]   (generates and prints one when --password is absent; ends the user\'s sessions)',
  async run(services, args) {
    const { values } = parseArgs({ args, options: { org: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } }, strict: true });
    const missing = ['org', 'email'].filter((k) => !values[k as 'org' | 'email']);
    if (missing.length) throw new BadInputError(missing.map((field) => ({ field: `--${field}`, message: 'is required' })));
    const org = await services.orm.em.fork().findOne(Organization, { slug: values.org! });
    if (!org) throw BadInputError.field('--org', `no organization with slug ${values.org}`);
    const reset = await resetPassword(services.orm, services.sessions, org.id, values.email!, values.password);
    return {
      organizationSlug: org.slug,
      userId: reset.userId,
      sessionsRevoked: reset.sessionsRevoked,
      ...(reset.generatedPassword ? { password: reset.generatedPassword } : {}),
    };
  },
};
