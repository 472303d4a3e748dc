import { PublicPrivacyNoticeResolver } from '../modules/data-rights';
import { PublicApplyResolver } from '../modules/applications/public-apply.resolver';
import { PublicOrganizationResolver } from '../modules/organizations/public-organization.resolver';
import { PublicPostingsResolver } from '../modules/postings/public-postings.resolver';
import { resolverClasses, type ResolverEntry } from './resolver-container';

/**
 * Every resolver of the public schema (POST /public/graphql), with what each uses. A
 * separate list from the admin one, so no admin type or field is reachable from the
 * public API. The context factory only admits the postings key here.
 */
export const publicResolverEntries: readonly ResolverEntry[] = [
  [PublicOrganizationResolver, () => new PublicOrganizationResolver()],
  [PublicPostingsResolver, (s) => new PublicPostingsResolver(s.config.publicUrl)],
  [PublicApplyResolver, (s) => new PublicApplyResolver(s.applicationIntake)],
  [PublicPrivacyNoticeResolver, (s) => new PublicPrivacyNoticeResolver(s.privacyNotices)],
];

export const publicResolvers = resolverClasses(publicResolverEntries);
