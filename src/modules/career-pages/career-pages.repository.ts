import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organization, SLUG_PATTERN } from '../organizations/organization.entity';
import { publiclyVisibleSql } from '../postings/public-visibility';

export interface SitemapEntry {
  id: string;
  lastmod: Date;
}

/** Google reads at most 50 000 URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;
const VISIBLE = publiclyVisibleSql('p');

/**
 * The career pages' own reads. Posting lists and single postings come from the
 * public API's query module (one visibility rule); what is here is only what the
 * pages need besides: the organization by slug, sitemap rows, and the one-time
 * form token lookup. There is no principal on these routes, so every statement
 * names its organization.
 */
export class CareerPagesRepository {
  constructor(private readonly orm: MikroORM) {}

  /** The organization behind a slug, or null when the slug is malformed or unknown. */
  async organizationBySlug(em: EntityManager, slug: string): Promise<Organization | null> {
    if (!SLUG_PATTERN.test(slug)) return null;
    return em.findOne(Organization, { slug });
  }

  /** Organizations (by slug) whose hosted board is switched on, for the landing page and robots.txt. */
  async boardsAmong(slugs: readonly string[]): Promise<{ slug: string; name: string }[]> {
    if (!slugs.length) return [];
    return this.orm.em
      .getConnection()
      .execute<{ slug: string; name: string }[]>(
        `select slug, name from organizations where slug in (${slugs.map(() => '?').join(', ')}) and coalesce((settings->>'careers_page_enabled')::boolean, true) order by slug`,
        [...slugs],
      );
  }

  /** Every board that is switched on (robots.txt lists their sitemaps), at most `limit`. */
  async enabledBoardSlugs(limit = 1000): Promise<string[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ slug: string }[]>(
        `select slug from organizations where coalesce((settings->>'careers_page_enabled')::boolean, true) order by slug limit ?`,
        [limit],
      );
    return rows.map((r) => r.slug);
  }

  /** Publicly visible postings with their last change, newest first. */
  async sitemapEntries(organizationId: string): Promise<SitemapEntry[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ id: string; updated_at: Date }[]>(
        `select p.id, p.updated_at from postings p where p.organization_id = ? and ${VISIBLE} order by p.published_at desc, p.id desc limit ?`,
        [organizationId, SITEMAP_LIMIT],
      );
    return rows.map((r) => ({ id: r.id, lastmod: new Date(r.updated_at) }));
  }

  /**
   * The application a hosted form token already created, whatever the input: a
   * double submit re-sends the same token, and must land on the thank-you page
   * without staging its resume again.
   */
  async applicationForToken(organizationId: string, idempotencyKey: string): Promise<string | null> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ id: string }[]>(`select id from applications where organization_id = ? and idempotency_key = ? limit 1`, [organizationId, idempotencyKey]);
    return rows[0]?.id ?? null;
  }
}
