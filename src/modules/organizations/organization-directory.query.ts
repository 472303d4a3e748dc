import type { MikroORM } from '@mikro-orm/postgresql';
import type { Organization } from './organization.entity';
import { OrganizationRepository } from './organization.repository';

/**
 * Organizations as other modules look them up without a principal (the hosted
 * pages, the feed): by slug, and which boards are switched on. One statement each;
 * the SQL stays in this module's repository.
 */
export class OrganizationDirectory {
  private readonly repository: OrganizationRepository;

  constructor(orm: MikroORM) {
    this.repository = new OrganizationRepository(orm);
  }

  /** The organization behind a slug, or null when the slug is malformed or unknown. */
  bySlug(slug: string): Promise<Organization | null> {
    return this.repository.bySlug(slug);
  }

  /** Organizations (by slug) whose hosted board is switched on, for the landing page. */
  boardsAmong(slugs: readonly string[]): Promise<{ slug: string; name: string }[]> {
    return this.repository.boardsAmong(slugs);
  }

  /** Every board that is switched on (robots.txt lists their sitemaps), at most `limit`. */
  enabledBoardSlugs(limit = 1000): Promise<string[]> {
    return this.repository.enabledBoardSlugs(limit);
  }
}
