import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../errors';
import { fromCursor, type ConnectionShape, type PageArgs } from './connection';

/**
 * A cursor must decode to exactly one value per ordering column; anything else
 * is the client's mistake, reported as BAD_USER_INPUT on `after` before any SQL runs.
 */
export function assertCursor(after: string | null | undefined, columns: number): void {
  if (after == null) return;
  let decoded: unknown;
  try {
    decoded = Cursor.decode(after);
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== columns || decoded.some((v) => v !== null && typeof v === 'object' && !(v instanceof Date))) {
    throw BadInputError.field('after', 'is not a valid cursor');
  }
}

/** Keyset pagination with a total, for admin lists (tenant filters apply through `em`). */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  page: PageArgs,
  orderBy: QueryOrderMap<T>,
): Promise<ConnectionShape<T>> {
  assertCursor(page.after, Object.keys(orderBy).length);
  const result = await em.findByCursor(entity, where, {
    first: page.first,
    after: page.after ?? undefined,
    orderBy,
    includeCount: true,
  });
  return fromCursor(result);
}
