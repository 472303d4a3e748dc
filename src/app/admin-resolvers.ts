import type { NonEmptyArray } from 'type-graphql';
import { ApplicationFileResolver } from '../modules/applications/application-file.resolver';
import { ApplicationResolver } from '../modules/applications/application.resolver';
import { OrganizationLogoResolver } from '../modules/career-pages/organization-logo.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { DistributionResolver } from '../modules/distribution';
import { ActorLogoResolver } from '../modules/credentials/actor-logo.resolver';
import { CatalogResolver } from '../modules/credentials/catalog.resolver';
import { CredentialResolver } from '../modules/credentials/credential.resolver';
import { CredentialUsageResolver } from '../modules/credentials/credential-usage.resolver';
import { OrganizationResolver } from '../modules/organizations/organization.resolver';
import { PostingResolver } from '../modules/postings/posting.resolver';
import { AuthResolver } from '../modules/users/auth.resolver';
import { UserResolver } from '../modules/users/user.resolver';

/** Every resolver of the admin schema (POST /graphql). Each module adds its own. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const adminResolvers: NonEmptyArray<Function> = [AuthResolver, OrganizationResolver, UserResolver, AuditResolver, PostingResolver, CatalogResolver, CredentialResolver, CredentialUsageResolver, ActorLogoResolver, ApplicationResolver, ApplicationFileResolver, OrganizationLogoResolver, DistributionResolver];
