import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organization, SLUG_PATTERN } from './organization.entity';
import { OrganizationRepository } from './organization.repository';
import { systemFork } from '../../db/request-scope';

/**
 * Organizations as other modules look them up without a principal (the hosted
 * pages, the feed): by slug, and which boards are switched on. One statement each;
 * the SQL stays in this module's repository.
 */
export class OrganizationDirectory {
  private readonly repository: OrganizationRepository;

  constructor(private readonly orm: MikroORM) {
    this.repository = new OrganizationRepository(orm);
  }

  /** The organization behind a slug, or null when the slug is malformed or unknown. */
  bySlug(slug: string, em?: EntityManager): Promise<Organization | null> {
    return organizationBySlug(em ?? systemFork(this.orm), slug);
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

/**
 * The caller's organization, read in the caller's fork (and transaction, if any):
 * how other modules read its plan and settings (one statement, or none when the
 * fork already holds it).
 */
export function organizationOf(em: EntityManager, organizationId: string): Promise<Organization> {
  return em.findOneOrFail(Organization, { id: organizationId });
}

/** The organization behind a slug in the caller's fork, or null when the slug is malformed or unknown. */
export function organizationBySlug(em: EntityManager, slug: string): Promise<Organization | null> {
  if (!SLUG_PATTERN.test(slug)) return Promise.resolve(null);
  return em.findOne(Organization, { slug });
}
