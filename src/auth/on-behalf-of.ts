import { BadInputError } from '../errors';
import { isUuid } from '../ids';

export const ON_BEHALF_OF_HEADER = 'on-behalf-of';

/** Greenhouse's On-Behalf-Of: the header, when sent, must name an active user of the key's organization. */
export async function resolveOnBehalfOf(
  isActiveUser: (userId: string) => Promise<boolean>,
  headers: Record<string, string | string[] | undefined>,
): Promise<string | undefined> {
  const raw = headers[ON_BEHALF_OF_HEADER];
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw).trim();
  if (!isUuid(value)) throw BadInputError.field('On-Behalf-Of', 'must be a user id (UUID)');
  if (!(await isActiveUser(value.toLowerCase()))) throw BadInputError.field('On-Behalf-Of', 'must name an active user of this organization');
  return value.toLowerCase();
}
