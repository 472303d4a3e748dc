import type { DistributionFacts, Problem } from './distribution-facts';
import { Destination, DistributionStatus, type DistributionEntry } from './distribution.types';
import { googleProblems } from './rules/google';
import { indeedProblems } from './rules/indeed';
import { indexNowProblems } from './rules/indexnow';
import { linkedinProblems } from './rules/linkedin';

interface DestinationRules {
  destination: Destination;
  /** Whether the organization (and deployment) sends postings there at all. */
  enabled: (facts: DistributionFacts) => boolean;
  problems: (facts: DistributionFacts) => Problem[];
}

const DESTINATIONS: DestinationRules[] = [
  { destination: Destination.GOOGLE, enabled: (f) => f.organization.careersPageEnabled || !!f.organization.careersSiteUrl, problems: googleProblems },
  { destination: Destination.INDEED, enabled: (f) => f.organization.feedEnabled, problems: indeedProblems },
  { destination: Destination.LINKEDIN, enabled: (f) => f.organization.linkedinFeedEnabled, problems: linkedinProblems },
  { destination: Destination.INDEXNOW, enabled: (f) => f.organization.submitHostedPages && f.deployment.indexNowConfigured, problems: indexNowProblems },
];

function statusOf(enabled: boolean, visible: boolean, problems: Problem[]): DistributionStatus {
  if (!enabled) return DistributionStatus.OFF;
  if (!visible) return DistributionStatus.NOT_LISTED;
  if (problems.some((p) => p.blocking)) return DistributionStatus.BLOCKED;
  return problems.length ? DistributionStatus.WARNINGS : DistributionStatus.READY;
}

/**
 * Every destination's verdict on one posting. Problems are listed whatever the status,
 * so the editor can show them before publishing and before a destination is turned on.
 */
export function distributionReport(facts: DistributionFacts, lastNotifiedAt: (d: Destination) => Date | null = () => null): DistributionEntry[] {
  return DESTINATIONS.map(({ destination, enabled, problems }) => {
    const found = problems(facts);
    return { destination, status: statusOf(enabled(facts), facts.posting.publiclyVisible, found), problems: found, lastNotifiedAt: lastNotifiedAt(destination) };
  });
}
