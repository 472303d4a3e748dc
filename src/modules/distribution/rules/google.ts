import { employmentTypeFor } from '../../career-pages';
import { hasCountry, hasSalary, recommended, required, type DistributionFacts, type Problem } from '../distribution-facts';

/**
 * Google for Jobs reads the JobPosting data of the hosted page (career-pages/job-posting-schema.ts):
 * required are title, description, datePosted, hiringOrganization and a place (jobLocation, or for
 * remote jobs the countries applicants may live in); validThrough, employmentType and baseSalary are
 * recommended.
 */
export function googleProblems({ posting }: DistributionFacts): Problem[] {
  const problems: Problem[] = [];
  if (!posting.title.trim()) problems.push(required('title', 'no title: Google requires one'));
  if (!posting.descriptionPlain.trim()) problems.push(required('description', 'no description: Google requires one'));
  if (!hasCountry(posting)) {
    problems.push(
      posting.workplaceType === 'REMOTE'
        ? required('locations', 'remote but no location with a country: Google requires applicantLocationRequirements')
        : required('locations', 'no location with a country: Google requires jobLocation'),
    );
  }
  if (!posting.expiresAt) problems.push(recommended('expiresAt', 'expires but has no validThrough: set an expiry date, or Google may keep listing the job after it closes'));
  if (!hasSalary(posting)) problems.push(recommended('salaryRange', 'no salary: Google recommends baseSalary'));
  if (employmentTypeFor(posting.commitment) === 'OTHER') {
    problems.push(recommended('commitment', posting.commitment ? `commitment "${posting.commitment}" maps to no employmentType` : 'no commitment: Google recommends employmentType'));
  }
  return problems;
}
