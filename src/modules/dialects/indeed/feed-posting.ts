import type { FeedLocation } from './reference-number';
import type { FeedSalaryRange } from './salary-text';

/**
 * The columns of one publicly visible posting that the feed writes, read with
 * plain SQL (postings/public-feed.repository.ts, through the postings facade) rather than hydrated entities, so that a stream
 * of 100 000 postings never fills an identity map.
 */
export interface FeedPosting {
  id: string;
  title: string;
  requisitionCode: string | null;
  team: string | null;
  department: string | null;
  commitment: string | null;
  level: string | null;
  workplaceType: string | null;
  locations: FeedLocation[];
  openingHtml: string | null;
  descriptionHtml: string | null;
  additionalHtml: string | null;
  lists: { title: string; contentHtml: string }[];
  salaryRange: FeedSalaryRange | null;
  salaryDescription: string | null;
  publishedAt: Date;
  expiresAt: Date | null;
  hostedUrl: string;
}

/** Organization-level facts written into the header and into every job. */
export interface FeedPublisher {
  name: string;
  url: string;
  lastBuildDate: Date;
}
