import { ApplicationFileResolver } from '../modules/applications/application-file.resolver';
import { ApplicationResolver } from '../modules/applications/application.resolver';
import { EeoReportResolver } from '../modules/eeo';
import { DataRightsResolver, PrivacyNoticeResolver } from '../modules/data-rights';
import { OrganizationLogoResolver } from '../modules/organizations/organization-logo.resolver';
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
import { WebhookResolver } from '../modules/webhooks';
import { resolverClasses, type ResolverEntry } from './resolver-container';

/** Every resolver of the admin schema (POST /graphql), each with the services it uses and nothing else. Each module adds its own. */
export const adminResolverEntries: readonly ResolverEntry[] = [
  [AuthResolver, (s) => new AuthResolver(s.login, s.sessions)],
  [OrganizationResolver, (s) => new OrganizationResolver(s.organizations)],
  [UserResolver, (s) => new UserResolver(s.users)],
  [AuditResolver, () => new AuditResolver()],
  [PostingResolver, (s) => new PostingResolver(s.postings)],
  [CatalogResolver, () => new CatalogResolver()],
  [CredentialResolver, (s) => new CredentialResolver(s.credentials, s.keyUsage, s.credentialUsage, s.config.publicUrl)],
  [CredentialUsageResolver, (s) => new CredentialUsageResolver(s.keyUsage)],
  [ActorLogoResolver, (s) => new ActorLogoResolver(s.config.publicUrl)],
  [ApplicationResolver, (s) => new ApplicationResolver(s.applicationReview, s.applicationIntake)],
  [ApplicationFileResolver, (s) => new ApplicationFileResolver(s.uploads)],
  [OrganizationLogoResolver, (s) => new OrganizationLogoResolver(s.organizationLogos)],
  [WebhookResolver, (s) => new WebhookResolver(s.webhooks)],
  [DataRightsResolver, (s) => new DataRightsResolver(s.candidateData)],
  [PrivacyNoticeResolver, (s) => new PrivacyNoticeResolver(s.privacyNotices)],
  [EeoReportResolver, (s) => new EeoReportResolver(s.eeo)],
  [DistributionResolver, (s) => new DistributionResolver(s.config.publicUrl, !!s.config.indexNowEndpoint)],
];

export const adminResolvers = resolverClasses(adminResolverEntries);
