import { Cursor, type EntityName, type EntityProperty, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../errors';
import { isUuid } from '../ids';
import { textProblem } from '../text-problems';

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

/** What a cursor value must be for an ordering column, from the entity's metadata. */
function fitsColumn(value: unknown, property: EntityProperty | undefined): boolean {
  if (!property) return false;
  if (property.runtimeType === 'Date') return value instanceof Date && value.getUTCFullYear() >= 1 && value.getUTCFullYear() <= 9999;
  if (property.columnTypes?.[0] === 'uuid') return typeof value === 'string' && isUuid(value);
  if (property.runtimeType === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && textProblem(value) === null;
}

/**
 * A cursor must decode to exactly one value per ordering column, each of the
 * column's type: anything else (a forged `["not-a-date","not-a-uuid"]`) is the
 * client's mistake, reported as BAD_USER_INPUT on `after` before any SQL runs.
 */
export function assertCursor<T extends object>(em: EntityManager, entity: EntityName<T>, after: string | null | undefined, orderBy: QueryOrderMap<T>): void {
  if (after == null) return;
  let decoded: unknown;
  try {
    decoded = Cursor.decode(after);
  } catch {
    decoded = undefined;
  }
  const properties = em.getMetadata().get(entity).properties as Record<string, EntityProperty>;
  const columns = Object.keys(orderBy);
  if (!Array.isArray(decoded) || decoded.length !== columns.length || columns.some((column, i) => !fitsColumn(decoded[i], properties[column]))) {
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
  assertCursor(em, entity, page.after, orderBy);
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
