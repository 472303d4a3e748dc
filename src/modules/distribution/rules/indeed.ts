import { jobTypeFor } from '../../dialects';
import { hasSalary, recommended, required, type DistributionFacts, type Problem } from '../distribution-facts';

/** Indeed's XML feed (feed/feed-job.ts): a description and a place are required; salary and job type rank the job. */
export function indeedProblems({ posting }: DistributionFacts): Problem[] {
  const problems: Problem[] = [];
  if (!posting.descriptionPlain.trim()) problems.push(required('description', 'no description: Indeed requires one'));
  if (!posting.locations.some((l) => l.city || l.countryCode)) problems.push(required('locations', 'no city or country: Indeed requires a location'));
  if (!hasSalary(posting) && !posting.salaryDescription?.trim()) problems.push(recommended('salaryRange', 'no salary: Indeed ranks it lower'));
  if (!jobTypeFor(posting.commitment)) {
    problems.push(recommended('commitment', posting.commitment ? `commitment "${posting.commitment}" maps to no Indeed job type` : 'no commitment: Indeed recommends a job type'));
  }
  return problems;
}
