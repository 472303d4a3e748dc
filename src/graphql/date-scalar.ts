import { GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLISODateTime } from 'type-graphql';

/** What PostgreSQL's timestamptz and an ISO-8601 string with a 4-digit year both hold. */
const EARLIEST = new Date(0).setUTCFullYear(1, 0, 1); // Date.UTC would map year 1 to 1901
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function inRange(value: Date): Date {
  const time = value.getTime();
  if (time < EARLIEST || time > LATEST) {
    throw new TypeError('DateTimeISO must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z');
  }
  return value;
}

const base = GraphQLISODateTime.toConfig();

/**
 * type-graphql's DateTimeISO (graphql-scalars), bounded to the years PostgreSQL and
 * ISO-8601 agree on: "0000-01-01T00:00:00Z" parses as a JS Date but PostgreSQL has no
 * year 0, so it was a database error. Same name and description, so the SDL is unchanged.
 */
export const BoundedDateTimeISO = new GraphQLScalarType<Date, string>({
  ...base,
  parseValue: (value: unknown) => inRange(base.parseValue!(value) as Date),
  parseLiteral: (ast: ValueNode, variables) => inRange(base.parseLiteral!(ast, variables) as Date),
});

/** For buildSchema's `scalarsMap`: every `Date` field and argument uses the bounded scalar. */
export const dateScalarsMap = [{ type: Date, scalar: BoundedDateTimeISO }];
