import type { NonEmptyArray } from 'type-graphql';
import { PublicPrivacyNoticeResolver } from '../modules/data-rights';
import { PublicApplyResolver } from '../modules/applications/public-apply.resolver';
import { PublicOrganizationResolver } from '../modules/organizations/public-organization.resolver';
import { PublicPostingsResolver } from '../modules/postings/public-postings.resolver';

/**
 * Every resolver of the public schema (POST /public/graphql). A separate list from
 * the admin one, so no admin type or field is reachable from the public API.
 * The context factory only admits the postings key here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const publicResolvers: NonEmptyArray<Function> = [PublicOrganizationResolver, PublicPostingsResolver, PublicApplyResolver, PublicPrivacyNoticeResolver];
