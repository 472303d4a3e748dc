import type { MikroORM } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import { usableOrigins } from '../../http/origin';
import { SLUG_PATTERN } from '../organizations';
import type { EeoQuestion } from '../eeo';

/** What the dialects need to know about the organization a `:site` / `:token` / `:slug` names. */
export interface DialectSite {
  id: string;
  slug: string;
  name: string;
  careersSiteUrl: string | null;
  allowedOrigins: string[];
  leverApiEnabled: boolean;
  greenhouseApiEnabled: boolean;
  feedEnabled: boolean;
  linkedinFeedEnabled: boolean;
  linkedinCompanyId: string | null;
  /** The voluntary EEO questions its apply forms ask (Greenhouse lists them as demographic_questions). */
  eeoQuestions: EeoQuestion[];
}

/** Settings changes reach other instances within this (as for CORS); the local instance clears at once. */
const CACHE_TTL_MS = 5_000;

/* `settings` is a jsonb embeddable whose keys MikroORM stores snake_cased. */
const SITE_SQL = `select id, slug, name, settings->>'careers_site_url' as careers_site_url, settings->'allowed_origins' as allowed_origins,
    coalesce((settings->>'lever_api_enabled')::boolean, true) as lever_api_enabled,
    coalesce((settings->>'greenhouse_api_enabled')::boolean, true) as greenhouse_api_enabled,
    coalesce((settings->>'feed_enabled')::boolean, true) as feed_enabled,
    coalesce((settings->>'linkedin_feed_enabled')::boolean, false) as linkedin_feed_enabled,
    settings->>'linkedin_company_id' as linkedin_company_id, coalesce(settings->'eeo_questions', '[]'::jsonb) as eeo_questions
  from organization_directory where slug = ?`;

/**
 * Resolves a site slug to its organization, cached briefly and boundedly so a
 * cached answer costs no query and a flood of random slugs costs one query per
 * slug per TTL without growing memory.
 */
export class DialectSiteRepository {
  private readonly bySlug: LRUCache<string, DialectSite | false>;

  constructor(orm: MikroORM) {
    this.bySlug = new LRUCache<string, DialectSite | false>({
      max: 5000,
      ttl: CACHE_TTL_MS,
      fetchMethod: async (slug) => {
        const rows = await orm.em.getConnection().execute<Record<string, unknown>[]>(SITE_SQL, [slug]);
        const row = rows[0];
        if (!row) return false;
        return {
          id: row.id as string,
          slug: row.slug as string,
          name: row.name as string,
          careersSiteUrl: (row.careers_site_url as string | null) ?? null,
          allowedOrigins: usableOrigins(row.allowed_origins),
          leverApiEnabled: row.lever_api_enabled as boolean,
          greenhouseApiEnabled: row.greenhouse_api_enabled as boolean,
          feedEnabled: row.feed_enabled as boolean,
          linkedinFeedEnabled: row.linkedin_feed_enabled as boolean,
          linkedinCompanyId: (row.linkedin_company_id as string | null) ?? null,
          eeoQuestions: row.eeo_questions as EeoQuestion[],
        };
      },
    });
  }

  /** The organization, or null for a malformed or unknown slug. */
  async find(slug: string): Promise<DialectSite | null> {
    if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) return null;
    return (await this.bySlug.fetch(slug)) || null;
  }

  clear(): void {
    this.bySlug.clear();
  }
}
