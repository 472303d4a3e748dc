import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { OrganizationResolver } from '../modules/organizations/organization.resolver';
import { AuthResolver } from '../modules/users/auth.resolver';
import { UserResolver } from '../modules/users/user.resolver';

/** Every resolver of the admin schema (POST /graphql). Each module adds its own. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const adminResolvers: NonEmptyArray<Function> = [AuthResolver, OrganizationResolver, UserResolver, AuditResolver];
