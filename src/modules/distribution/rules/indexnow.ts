import { required, type DistributionFacts, type Problem } from '../distribution-facts';

/** IndexNow is told about the hosted page only: a posting shown on the organization's own careers site is that site's to submit. */
export function indexNowProblems({ organization }: DistributionFacts): Problem[] {
  const problems: Problem[] = [];
  if (organization.careersSiteUrl) problems.push(required('careersSiteUrl', 'the canonical page is on the careers site, not the hosted one: IndexNow is not told'));
  if (!organization.careersPageEnabled) problems.push(required('careersPageEnabled', 'hosted career pages are off: there is no page to submit'));
  return problems;
}
