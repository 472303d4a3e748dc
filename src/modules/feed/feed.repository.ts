import type { MikroORM } from '@mikro-orm/postgresql';
import { Organization, SLUG_PATTERN } from '../organizations/organization.entity';
import type { OrganizationSettings } from '../organizations/organization-settings';
import { hostedUrl } from '../postings/posting-urls';
import { publiclyVisibleSql } from '../postings/public-visibility';
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

type Row = Record<string, unknown>;
const date = (value: unknown) => (value == null ? null : new Date(value as string | Date));
const VISIBLE = publiclyVisibleSql('p');

/**
 * The validators' inputs, visible content only. Two scalar subqueries rather than one
 * aggregate with FILTERs, so each is PostgreSQL's min/max rewrite: one backward probe of
 * a partial index (postings_public_updated_index, postings_public_expires_index) instead
 * of a scan of every posting of the organization.
 */
const STATE_SQL = `select
    (select max(p.updated_at) from postings p where p.organization_id = ? and ${VISIBLE}) as max_updated_at,
    (select max(p.expires_at) from postings p
      where p.organization_id = ? and p.state = 'PUBLISHED' and p.confidential = false and p.expires_at is not null and p.expires_at <= now()) as last_expired_at`;

/** The feed's columns only; the cursor is read back as text to keep PostgreSQL's microseconds, which a JS Date would round away. */
const BATCH_SQL = (after: boolean) => `select p.id, p.title, p.requisition_code, p.team, p.department, p.commitment, p.level, p.workplace_type,
    p.locations, p.opening_html, p.description_html, p.additional_html, p.lists, p.salary_range, p.salary_description,
    p.published_at, p.expires_at, p.published_at::text as cursor_at
  from postings p
  where p.organization_id = ? and ${VISIBLE} and p.published_at is not null
    ${after ? 'and (p.published_at, p.id) < (?::timestamptz, ?::uuid)' : ''}
  order by p.published_at desc, p.id desc
  limit ?`;

/**
 * The feed's reads. There is no principal on this route, so every statement names
 * its organization explicitly, and visibility is the shared public predicate.
 * Plain SQL through the ORM's pool: each statement borrows a connection and
 * returns it, so a slow client never pins one for the length of its download.
 */
export class FeedRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly publicUrl: string,
  ) {}

  /**
   * The organization and its feed state, or null when the slug is unknown or its feed
   * is switched off. `enabled` names the dialect's switch (Indeed's by default).
   */
  async findFeed(slug: string, enabled: (settings: OrganizationSettings) => boolean = (s) => s.feedEnabled): Promise<FeedSource | null> {
    if (!SLUG_PATTERN.test(slug)) return null;
    const organization = await this.orm.em.fork().findOne(Organization, { slug });
    if (!organization || !enabled(organization.settings)) return null;
    const [row] = await this.execute(STATE_SQL, [organization.id, organization.id]);
    const state: FeedState = {
      organizationId: organization.id,
      organizationName: organization.name,
      organizationCreatedAt: organization.createdAt,
      settingsVersion: organization.settingsVersion,
      feedChangedAt: organization.feedChangedAt,
      maxUpdatedAt: date(row.max_updated_at),
      lastExpiredAt: date(row.last_expired_at),
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
      const rows: Row[] = cursor
        ? await this.execute(BATCH_SQL(true), [org.id, ...cursor, batchSize])
        : await this.execute(BATCH_SQL(false), [org.id, batchSize]);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      cursor = [last.cursor_at as string, last.id as string];
      const more = rows.length === batchSize;
      // Nothing here outlives the yield but the postings themselves, which the consumer releases one by one.
      yield rows.map((row) => toFeedPosting(row, hostedUrl(urlBase, this.publicUrl, row.id as string)));
      if (!more) return;
    }
  }

  private execute(sql: string, params: unknown[]): Promise<Row[]> {
    return this.orm.em.getConnection().execute<Row[]>(sql, params);
  }
}

function toFeedPosting(row: Row, url: string): FeedPosting {
  return {
    id: row.id as string,
    title: row.title as string,
    requisitionCode: row.requisition_code as string | null,
    team: row.team as string | null,
    department: row.department as string | null,
    commitment: row.commitment as string | null,
    level: row.level as string | null,
    workplaceType: row.workplace_type as string | null,
    locations: (row.locations as FeedPosting['locations']) ?? [],
    openingHtml: row.opening_html as string | null,
    descriptionHtml: row.description_html as string | null,
    additionalHtml: row.additional_html as string | null,
    lists: (row.lists as FeedPosting['lists']) ?? [],
    salaryRange: row.salary_range as FeedPosting['salaryRange'],
    salaryDescription: row.salary_description as string | null,
    publishedAt: date(row.published_at)!,
    expiresAt: date(row.expires_at),
    hostedUrl: url,
  };
}
