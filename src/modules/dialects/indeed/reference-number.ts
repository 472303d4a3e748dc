import { createHash } from 'node:crypto';

export interface FeedLocation {
  name?: string | null;
  city?: string | null;
  region?: string | null;
  countryCode?: string | null;
  postalCode?: string | null;
}

const norm = (value: string | null | undefined) => (value ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What makes two locations of one posting "the same job" for a job board: the place
 * (country, region, city). The display name and postal code are refinements of a
 * place, so they are left out; only when no place is given does the name count.
 */
export function locationKey(location: FeedLocation | null): string {
  if (!location) return '';
  const place = [location.countryCode, location.region, location.city].map(norm);
  return place.some(Boolean) ? place.join('|') : `name:${norm(location.name)}`;
}

/**
 * `<posting uuid>-<10 hex of sha256(location key)>`. Built from the posting's id and
 * the location's identity, never its position: reordering locations, editing the
 * posting, or rebuilding the feed keeps every number; only moving a job to another
 * place makes a new one (a job board treats that as a new job anyway).
 */
export function referenceNumber(postingId: string, location: FeedLocation | null): string {
  const digest = createHash('sha256').update(locationKey(location)).digest('hex').slice(0, 10);
  return `${postingId}-${digest}`;
}

/** One entry per distinct place, first occurrence first; a posting with no location still yields one job. */
export function distinctLocations<L extends FeedLocation>(locations: readonly L[] | null | undefined): (L | null)[] {
  if (!locations?.length) return [null];
  const seen = new Set<string>();
  const out: L[] = [];
  for (const location of locations) {
    const key = locationKey(location);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(location);
  }
  return out;
}
