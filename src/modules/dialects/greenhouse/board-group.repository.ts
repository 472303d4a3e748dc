import type { EntityManager } from '@mikro-orm/postgresql';

export interface BoardGroupRef {
  /** Kind-prefixed, lower-cased identity: "d:<department>", "t:<team>", "o:<location>". */
  key: string;
  /** The spelling shown. */
  name: string;
}

/**
 * The integer ids of departments, teams and offices on the Greenhouse-compatible
 * board (table board_groups). Every statement names its organization.
 */
export class BoardGroupRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The id of each group, giving new ones the next sequence value. One statement:
   * insert what is missing (a concurrent insert of the same key is absorbed by the
   * unique constraint), then read every id. A key keeps its first id for good.
   */
  async idsFor(organizationId: string, groups: BoardGroupRef[]): Promise<Map<string, string>> {
    const unique = [...new Map(groups.map((g) => [g.key, g])).values()];
    if (!unique.length) return new Map();
    const keys = unique.map((g) => g.key);
    const names = unique.map((g) => g.name);
    await this.em.getConnection().execute(
      `insert into board_groups (organization_id, key, name, created_at)
         select ?, k, n, now() from unnest(array[?]::text[], array[?]::text[]) as t(k, n)
       on conflict (organization_id, key) do nothing`,
      [organizationId, keys, names],
    );
    const rows = await this.em
      .getConnection()
      .execute<{ id: string; key: string }[]>(`select id::text as id, key from board_groups where organization_id = ? and key = any(array[?]::text[])`, [organizationId, keys]);
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  /** The group an id names in this organization, or null. */
  async byId(organizationId: string, id: string): Promise<BoardGroupRef | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const rows = await this.em
      .getConnection()
      .execute<BoardGroupRef[]>(`select key, name from board_groups where organization_id = ? and id = ?::bigint`, [organizationId, id]);
    return rows[0] ?? null;
  }
}
