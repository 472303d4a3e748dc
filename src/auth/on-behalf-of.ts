import { BadInputError } from '../errors';
import { isUuid } from '../ids';

type Execute = (sql: string, params: unknown[]) => Promise<unknown[]>;

export const ON_BEHALF_OF_HEADER = 'on-behalf-of';

/** Greenhouse's On-Behalf-Of: the header, when sent, must name an active user of the key's organization. */
export async function resolveOnBehalfOf(
  execute: Execute,
  organizationId: string,
  headers: Record<string, string | string[] | undefined>,
): Promise<string | undefined> {
  const raw = headers[ON_BEHALF_OF_HEADER];
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw).trim();
  if (!isUuid(value)) throw BadInputError.field('On-Behalf-Of', 'must be a user id (UUID)');
  const rows = await execute('select 1 from users where id = ? and organization_id = ? and active', [value.toLowerCase(), organizationId]);
  if (rows.length === 0) throw BadInputError.field('On-Behalf-Of', 'must name an active user of this organization');
  return value.toLowerCase();
}
