/** Per-posting distribution report: what each destination (Google, Indeed, LinkedIn, IndexNow) still lacks. */
export { DistributionResolver } from './distribution.resolver';
export { distributionReport } from './distribution-report';
export { distributionFacts } from './distribution-facts.builder';
export type { DistributionFacts, Problem } from './distribution-facts';
export { Destination, DistributionEntry, DistributionProblem, DistributionStatus } from './distribution.types';
export { LINKEDIN_MIN_DESCRIPTION } from './rules/linkedin';
