import type { FeedLocation } from '../dialects';
import type { FeedSalaryRange } from '../dialects';

/** What the rules read about one posting, its organization and this deployment: plain data, so the rules stay pure. */
export interface DistributionFacts {
  posting: {
    title: string;
    /** The whole visible text (opening, description, lists, closing) as plain text. */
    descriptionPlain: string;
    commitment: string | null;
    level: string | null;
    workplaceType: string;
    locations: FeedLocation[];
    salaryRange: FeedSalaryRange | null;
    salaryDescription: string | null;
    expiresAt: Date | null;
    publiclyVisible: boolean;
  };
  organization: {
    feedEnabled: boolean;
    careersPageEnabled: boolean;
    careersSiteUrl: string | null;
    linkedinFeedEnabled: boolean;
    linkedinCompanyId: string | null;
    submitHostedPages: boolean;
  };
  deployment: {
    publicUrl: string;
    indexNowConfigured: boolean;
  };
}

/** A problem before the status is derived; `blocking` = required by the destination. */
export interface Problem {
  field: string;
  message: string;
  blocking: boolean;
}

export const required = (field: string, message: string): Problem => ({ field, message, blocking: true });
export const recommended = (field: string, message: string): Problem => ({ field, message, blocking: false });

export const hasSalary = (p: DistributionFacts['posting']) => !!(p.salaryRange && (p.salaryRange.min != null || p.salaryRange.max != null));
export const hasCountry = (p: DistributionFacts['posting']) => p.locations.some((l) => !!l.countryCode);
