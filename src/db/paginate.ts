import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../errors';

/** What a caller asks of a list: up to `first` items after the cursor `after`. */
export interface PageRequest {
  first: number;
  after?: string | null;
}

/** One page of a list, free of any GraphQL type; resolvers turn it into a Relay connection. */
export interface Page<T> {
  items: T[];
  /** The cursor of each item, in order (for Relay edges). */
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

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
  page: PageRequest,
  orderBy: QueryOrderMap<T>,
): Promise<Page<T>> {
  assertCursor(page.after, Object.keys(orderBy).length);
  const result = await em.findByCursor(entity, where, {
    first: page.first,
    after: page.after ?? undefined,
    orderBy,
    includeCount: true,
  });
  const items = [...result.items];
  return {
    items,
    cursors: items.map((item) => result.from(item)),
    hasNextPage: result.hasNextPage ?? false,
    endCursor: result.endCursor,
    totalCount: result.totalCount ?? items.length,
  };
}
