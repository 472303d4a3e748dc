import { linkedinExperienceLevel, linkedinJobType, locationString } from '../../dialects';
import { recommended, required, type DistributionFacts, type Problem } from '../distribution-facts';

/** LinkedIn refuses shorter descriptions. */
export const LINKEDIN_MIN_DESCRIPTION = 100;

/** LinkedIn's XML job feed (dialects/linkedin): its mandatory fields, then the ones it uses to match candidates. */
export function linkedinProblems({ posting, organization, deployment }: DistributionFacts): Problem[] {
  const problems: Problem[] = [];
  const length = posting.descriptionPlain.trim().length;
  if (length < LINKEDIN_MIN_DESCRIPTION) problems.push(required('description', `description is ${length} characters; LinkedIn needs ${LINKEDIN_MIN_DESCRIPTION}`));
  if (!posting.locations.some((l) => locationString(l))) problems.push(required('locations', 'no location: LinkedIn requires one'));
  if (!organization.linkedinCompanyId) problems.push(required('linkedinCompanyId', 'no LinkedIn company id: set it in the organization settings'));
  if (!deployment.publicUrl.startsWith('https://')) problems.push(required('applyUrl', 'the hosted apply page is not https (JOBGATE_PUBLIC_URL): LinkedIn requires https'));
  if (!organization.careersPageEnabled) problems.push(required('careersPageEnabled', 'hosted career pages are off: LinkedIn\'s apply link would not open'));
  if (!linkedinJobType(posting.commitment)) problems.push(recommended('commitment', 'no LinkedIn job type: set a commitment such as Full-time'));
  if (!linkedinExperienceLevel(posting.level)) problems.push(recommended('level', posting.level ? `level "${posting.level}" maps to no LinkedIn experience level` : 'no level: LinkedIn recommends an experience level'));
  if (posting.workplaceType === 'UNSPECIFIED') problems.push(recommended('workplaceType', 'no workplace type: LinkedIn recommends on-site, hybrid or remote'));
  return problems;
}
