import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApplicationLookup } from '../applications';
import { OrganizationDirectory, type Organization } from '../organizations';
import { sitemapEntries, type SitemapEntry } from '../postings';

/** Google reads at most 50 000 URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

/**
 * What the career pages read besides posting lists and single postings (which come
 * from the postings module's public query, one visibility rule): the organization by
 * slug, sitemap rows, and the one-time form token lookup. The pages own no table:
 * each read goes through the owning module's facade, one statement each. There is no
 * principal on these routes, so every read names its organization.
 */
export class CareerPageReads {
  private readonly organizations: OrganizationDirectory;
  private readonly applications = new ApplicationLookup();

  constructor(private readonly orm: MikroORM) {
    this.organizations = new OrganizationDirectory(orm);
  }

  /** The organization behind a slug, or null when the slug is malformed or unknown. */
  organizationBySlug(em: EntityManager, slug: string): Promise<Organization | null> {
    return this.organizations.bySlug(slug, em);
  }

  /** Organizations (by slug) whose hosted board is switched on, for the landing page. */
  boardsAmong(slugs: readonly string[]): Promise<{ slug: string; name: string }[]> {
    return this.organizations.boardsAmong(slugs);
  }

  /** Every board that is switched on (robots.txt lists their sitemaps). */
  enabledBoardSlugs(): Promise<string[]> {
    return this.organizations.enabledBoardSlugs();
  }

  /** Publicly visible postings with their last change, newest first. */
  sitemapEntries(organizationId: string): Promise<SitemapEntry[]> {
    return sitemapEntries(this.orm.em, organizationId, SITEMAP_LIMIT);
  }

  /**
   * The application a hosted form token already created, whatever the input: a
   * double submit re-sends the same token, and must land on the thank-you page
   * without staging its resume again.
   */
  applicationForToken(organizationId: string, idempotencyKey: string): Promise<string | null> {
    return this.applications.idForKey(this.orm.em, organizationId, idempotencyKey);
  }
}
