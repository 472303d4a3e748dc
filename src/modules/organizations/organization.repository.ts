import type { MikroORM } from '@mikro-orm/postgresql';
import { Organization } from './organization.entity';
import type { OriginSource } from '../../http/cors';
import type { OrganizationSlugs } from '../../http/scope-hook';
import { SLUG_PATTERN } from './organization.entity';
import { normalizeOrigin, usableOrigins } from '../../http/origin';

/**
 * The organizations' SQL outside the entity manager. `settings` is a jsonb embeddable
 * whose keys MikroORM stores snake_cased (`allowedOrigins` → `allowed_origins`).
 */
export class OrganizationRepository implements OriginSource, OrganizationSlugs {
  constructor(private readonly orm: MikroORM) {}

  /** For preflights, which carry no credential: does any organization allow `origin`? */
  async anyOrganizationAllows(origin: string): Promise<boolean> {
    // Only an exact origin can be allowed; a stored value from before that rule (`https://*.x.com`) matches nothing.
    if (normalizeOrigin(origin) !== origin) return false;
    const rows = await this.orm.em
      .getConnection()
      .execute(`select 1 from organizations where settings->'allowed_origins' @> jsonb_build_array(?::text) limit 1`, [origin]);
    return rows.length > 0;
  }

  /** For routes that name their organization by slug (http/scope-hook.ts); a malformed slug costs no query. */
  async organizationIdBySlug(slug: string): Promise<string | null> {
    if (!SLUG_PATTERN.test(slug)) return null;
    const rows = await this.orm.em.getConnection().execute<{ id: string }[]>(`select id from organizations where slug = ?`, [slug]);
    return rows[0]?.id ?? null;
  }

  async allowedOriginsOf(organizationId: string): Promise<string[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ origins: unknown }[]>(`select settings->'allowed_origins' as origins from organizations where id = ?`, [organizationId]);
    return usableOrigins(rows[0]?.origins);
  }

  /** Organizations (by slug) whose hosted board is switched on, for the landing page. */
  async boardsAmong(slugs: readonly string[]): Promise<{ slug: string; name: string }[]> {
    if (!slugs.length) return [];
    const rows = await this.orm.em.fork().find(Organization, { slug: { $in: [...slugs] } }, { orderBy: { slug: 'asc' } });
    return rows.filter((o) => o.settings.careersPageEnabled !== false).map((o) => ({ slug: o.slug, name: o.name }));
  }

  /** Every board that is switched on (robots.txt lists their sitemaps), at most `limit`. */
  async enabledBoardSlugs(limit: number): Promise<string[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ slug: string }[]>(
        `select slug from organizations where coalesce((settings->>'careers_page_enabled')::boolean, true) order by slug limit ?`,
        [limit],
      );
    return rows.map((r) => r.slug);
  }
}
