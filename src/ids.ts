import { BadInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids reach SQL as uuid; a malformed one is the client's mistake, not a database error. */
export function assertUuid(field: string, value: string): string {
  if (!isUuid(value)) throw BadInputError.field(field, 'must be a UUID');
  return value.toLowerCase();
}
