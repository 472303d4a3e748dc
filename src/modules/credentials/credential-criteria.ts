import type { FilterQuery } from '@mikro-orm/core';
import { ApiCredential, CredentialStatus } from './credential.entity';
import type { ApiCredentialFilterInput } from './credential.inputs';

/** The derived `status` as a query: REVOKED wins over EXPIRED, as in `statusOf`. */
export function credentialWhere(filter: ApiCredentialFilterInput | null | undefined, now = new Date()): FilterQuery<ApiCredential> {
  const where: FilterQuery<ApiCredential> & Record<string, unknown> = {};
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.status === CredentialStatus.REVOKED) where.revokedAt = { $ne: null };
  if (filter?.status === CredentialStatus.EXPIRED) Object.assign(where, { revokedAt: null, expiresAt: { $lte: now } });
  if (filter?.status === CredentialStatus.ACTIVE) Object.assign(where, { revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] });
  return where;
}
