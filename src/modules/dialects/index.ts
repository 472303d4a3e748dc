/** The dialects module's face: the LinkedIn feed's field mappings, which the distribution report checks postings against. */
export { linkedinExperienceLevel, linkedinJobType, linkedinWorkplaceType } from './linkedin/linkedin-mappings';
export { locationString } from './linkedin/linkedin-job';
export { jobTypeFor } from './indeed/job-type';
export type { FeedLocation } from './indeed/reference-number';
export type { FeedSalaryRange } from './indeed/salary-text';
