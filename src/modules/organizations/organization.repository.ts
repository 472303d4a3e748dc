import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The organization module's raw SQL. `settings` is a jsonb embeddable; MikroORM
 * stores its keys snake_cased (`allowedOrigins` → `allowed_origins`).
 */
export class OrganizationRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Whether any organization lists `origin` in its allowedOrigins. */
  async anyAllowsOrigin(origin: string): Promise<boolean> {
    const rows = await this.orm.em
      .getConnection()
      .execute(`select 1 from organizations where settings->'allowed_origins' @> jsonb_build_array(?::text) limit 1`, [origin]);
    return rows.length > 0;
  }

  async allowedOriginsOf(organizationId: string): Promise<string[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ origins: unknown }[]>(`select settings->'allowed_origins' as origins from organizations where id = ?`, [organizationId]);
    const origins = rows[0]?.origins;
    return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [];
  }
}
