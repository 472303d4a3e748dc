import type { CatalogRef } from '../../auth/credential-grants';
import { effectiveOperations } from '../../auth/credential-grants';
import { reachOfKey, reachOfUser, type Reach } from '../../auth/ceiling';
import type { Role } from '../../auth/role';
import type { OwnerRow } from './webhook.repository';

/**
 * The reach of an endpoint's owner NOW, or null when it has none (key revoked,
 * expired or deleted; user deactivated or deleted). Delivery checks every message
 * against it, so narrowing or revoking a key takes its endpoints' reach down with it.
 */
export function ownerReach(owner: OwnerRow | null, catalog: CatalogRef): Reach | null {
  if (!owner || !owner.active) return null;
  if (owner.kind === 'KEY') {
    const operations = effectiveOperations({ operations: owner.operations ?? [], fullAccess: owner.full_access ?? false, catalogVersion: owner.catalog_version ?? 1 }, catalog.current);
    return reachOfKey(operations, owner.allow_confidential ?? false);
  }
  return reachOfUser(owner.role as Role, owner.can_manage_api_credentials ?? false);
}
