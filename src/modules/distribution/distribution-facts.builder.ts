import type { Organization } from '../organizations/entities.api';
import type { Posting } from '../postings/entities.api';
import { isPubliclyVisible } from '../postings';
import type { DistributionFacts } from './distribution-facts';

/** The posting's visible text as one plain string, as readers (and LinkedIn's length check) see it. */
function plainText(posting: Posting): string {
  const parts = [posting.openingPlain, posting.descriptionPlain, ...posting.lists.flatMap((l) => [l.title, l.contentPlain]), posting.additionalPlain];
  return parts.filter((p): p is string => !!p?.trim()).join('\n');
}

export function distributionFacts(posting: Posting, organization: Organization, deployment: DistributionFacts['deployment'], now = new Date()): DistributionFacts {
  const s = organization.settings;
  return {
    posting: {
      title: posting.title,
      descriptionPlain: plainText(posting),
      commitment: posting.commitment,
      level: posting.level,
      workplaceType: posting.workplaceType,
      locations: posting.locations,
      salaryRange: posting.salaryRange,
      salaryDescription: posting.salaryDescription,
      expiresAt: posting.expiresAt,
      publiclyVisible: isPubliclyVisible(posting, now),
    },
    organization: {
      feedEnabled: s.feedEnabled,
      careersPageEnabled: s.careersPageEnabled,
      careersSiteUrl: s.careersSiteUrl,
      linkedinFeedEnabled: s.linkedinFeedEnabled,
      linkedinCompanyId: s.linkedinCompanyId,
      submitHostedPages: s.submitHostedPages,
    },
    deployment,
  };
}
