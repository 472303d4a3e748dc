import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { feedPostingsBatch, feedPostingsState, hostedUrl, type FeedRow } from '../../postings';
import { organizationBySlug, type Organization } from '../../organizations';
import type { FeedPosting } from './feed-posting';
import type { FeedState } from './feed-validators';

/**
 * Rows per keyset query. Small on purpose: a batch stays alive while its jobs are
 * written, and a batch that survives two young-generation GCs is promoted to the old
 * generation, where it lingers as garbage until a full GC. With 100 rows (~0.5 MB) a
 * batch dies young: measured RSS growth for 100 000 postings fell from ~220 MB at
 * 500 rows to under 10 MB (scripts/bench/feed.ts). Each query stays a few ms.
 */
export const FEED_BATCH_SIZE = 100;

export interface FeedSource {
  organization: Organization;
  state: FeedState;
  publisherUrl: string;
}

const date = (value: unknown) => (value == null ? null : new Date(value as string | Date));

/**
 * The feed's reads, each through the owning module's facade: the organization by slug
 * (organizations), the validators and the keyset batches of visible postings
 * (postings, which holds the SQL and the one visibility predicate).
 */
export class FeedReads {
  constructor(
    private readonly orm: MikroORM,
    private readonly publicUrl: string,
  ) {}

  /**
   * The organization and its feed state, or null when the slug is unknown. Read in the
   * request's fork (`request.scope.em`, made by the scope hook for the slug's
   * organization); the dialect's switch is the route's check (`enabledFor`), not this one's.
   */
  async findFeed(em: EntityManager, slug: string): Promise<FeedSource | null> {
    const organization = await organizationBySlug(em, slug);
    if (!organization) return null;
    const postings = await feedPostingsState(this.orm, organization.id);
    const state: FeedState = {
      organizationId: organization.id,
      organizationName: organization.name,
      organizationCreatedAt: organization.createdAt,
      settingsVersion: organization.settingsVersion,
      feedChangedAt: organization.feedChangedAt,
      maxUpdatedAt: postings.maxUpdatedAt,
      lastExpiredAt: postings.lastExpiredAt,
    };
    const publisherUrl = organization.settings.careersSiteUrl ?? `${this.publicUrl}/jobs/${encodeURIComponent(organization.slug)}`;
    return { organization, state, publisherUrl };
  }

  /** Publicly visible postings, newest first, one short keyset query per batch. */
  async *visiblePostings(source: FeedSource, batchSize = FEED_BATCH_SIZE): AsyncGenerator<FeedPosting[]> {
    const org = source.organization;
    const urlBase = { slug: org.slug, careersSiteUrl: org.settings.careersSiteUrl };
    let cursor: [string, string] | null = null;
    for (;;) {
      const rows = await feedPostingsBatch(this.orm, org.id, cursor, batchSize);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1]!;
      cursor = [last.cursor_at, last.id];
      const more = rows.length === batchSize;
      // Nothing here outlives the yield but the postings themselves, which the consumer releases one by one.
      yield rows.map((row) => toFeedPosting(row, hostedUrl(urlBase, this.publicUrl, row.id)));
      if (!more) return;
    }
  }
}

function toFeedPosting(row: FeedRow, url: string): FeedPosting {
  return {
    id: row.id,
    title: row.title,
    requisitionCode: row.requisition_code,
    team: row.team,
    department: row.department,
    commitment: row.commitment,
    level: row.level,
    workplaceType: row.workplace_type,
    locations: (row.locations as FeedPosting['locations'] | null) ?? [],
    openingHtml: row.opening_html,
    descriptionHtml: row.description_html,
    additionalHtml: row.additional_html,
    lists: (row.lists as FeedPosting['lists'] | null) ?? [],
    salaryRange: row.salary_range as FeedPosting['salaryRange'],
    salaryDescription: row.salary_description,
    publishedAt: date(row.published_at)!,
    expiresAt: date(row.expires_at),
    hostedUrl: url,
  };
}
