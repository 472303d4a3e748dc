import { FieldResolver, Resolver, Root } from 'type-graphql';
import { EEO_OPERATION } from '../../auth/presets';
import { grantsForRole } from '../../auth/role-grants';
import { User } from '../users/entities.api';

/** Whether a person's role reads the EEO report: the console shows its entry only then (the server still checks each call). */
@Resolver(() => User)
export class EeoAccessResolver {
  @FieldResolver(() => Boolean, { description: 'Whether this person\'s role grants applications.eeo (the EEO aggregate report).' })
  canReadEeoReport(@Root() user: User): boolean {
    return grantsForRole(user.role).has(EEO_OPERATION);
  }
}
