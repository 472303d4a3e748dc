import { createHash } from 'node:crypto';
import { locationKey, type FeedLocation } from '../indeed/reference-number';

/** LinkedIn refuses a partnerJobId longer than this. */
export const PARTNER_JOB_ID_MAX = 40;

/**
 * `<posting uuid without dashes (32 hex)>-<7 hex of sha256(location key)>`, 40
 * characters. Like Indeed's reference number it is built from the posting's id and
 * the place, never a position or a version: editing, reordering locations or
 * rebuilding the feed keeps it; only moving the job to another place makes a new one.
 */
export function partnerJobId(postingId: string, location: FeedLocation | null): string {
  const digest = createHash('sha256').update(locationKey(location)).digest('hex').slice(0, 7);
  return `${postingId.replace(/-/g, '')}-${digest}`;
}
