import { catalog, CATALOG_VERSION, operationsUpTo, type CatalogEntry } from './catalog';

/** A catalog and its version. Services hold one, so tests can simulate a later catalog. */
export interface CatalogSource {
  version: number;
  entries: readonly CatalogEntry[];
}

export const currentCatalog: CatalogSource = { version: CATALOG_VERSION, entries: catalog };

/** The catalog one instance grants by: shared by the credential service and the verifier, and swapped by tests. */
export interface CatalogRef {
  current: CatalogSource;
}

export interface GrantShape {
  operations: readonly string[];
  fullAccess: boolean;
  catalogVersion: number;
}

/**
 * What a key may run: its explicit operations, or, for a full-access key, the
 * catalog entries that existed at its creation (Greenhouse's legacy keys), never
 * operations added since.
 */
export function effectiveOperations(grant: GrantShape, source: CatalogSource = currentCatalog): string[] {
  if (!grant.fullAccess) return [...grant.operations];
  const upTo = operationsUpTo(grant.catalogVersion, source.entries);
  const known = new Set(upTo);
  // Explicit extras granted together with fullAccess still count.
  return [...upTo, ...grant.operations.filter((id) => !known.has(id))];
}
