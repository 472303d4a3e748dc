import type { DistributionDestination, DistributionStatus, PostingsQuery } from '../gql/graphql';

export type DistributionEntry = NonNullable<PostingsQuery['postings']>['nodes'][number]['distribution'][number];

export const DESTINATION_NAMES: Record<DistributionDestination, string> = {
  GOOGLE: 'Google',
  INDEED: 'Indeed',
  LINKEDIN: 'LinkedIn',
  INDEXNOW: 'IndexNow',
};

export const STATUS_NAMES: Record<DistributionStatus, string> = {
  READY: 'Ready',
  WARNINGS: 'Warnings',
  BLOCKED: 'Blocked',
  NOT_LISTED: 'Not listed',
  OFF: 'Off',
};

/** What each status means to an administrator, said once above the problems. */
export const STATUS_EXPLANATIONS: Record<DistributionStatus, string> = {
  READY: 'Nothing missing.',
  WARNINGS: 'Listed, but ranked or shown worse until the recommended fields are filled.',
  BLOCKED: 'Refused or dropped until the required fields are filled.',
  NOT_LISTED: 'Not public (draft, internal, closed, confidential or expired), so no destination has it.',
  OFF: 'Turned off in the organization settings (or not configured on this server).',
};

/**
 * Filled badges in shades dark (or, for yellow, light) enough for 4.5:1 text contrast at badge size;
 * Mantine's lighter shades fail axe's color-contrast rule.
 */
export const STATUS_COLORS: Record<DistributionStatus, string> = {
  READY: 'teal.9',
  WARNINGS: 'yellow.5',
  BLOCKED: 'red.9',
  NOT_LISTED: 'gray.7',
  OFF: 'gray.7',
};
