/*
 * What key verification needs from storage. `auth/` sits under the modules and may not
 * import them, while the table belongs to the credentials module: the credentials
 * module implements this (modules/credentials/key.repository.ts) and app/ passes it in.
 */

/** One row of the hot lookup: the key and its organization's plan. */
export interface CredentialRow {
  id: string;
  organization_id: string;
  kind: 'POSTINGS' | 'DATA';
  name: string;
  operations: string[];
  full_access: boolean;
  catalog_version: number;
  allow_confidential: boolean;
  allowed_cidrs: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  secret_hash: string;
  previous_secret_expires_at: Date | null;
  rate_limit_per_minute: number;
  plan: 'BASIC' | 'FULL';
}

/** Usage of one key since the last flush. */
export interface UsageBatchRow {
  credentialId: string;
  count: number;
  lastUsedAt: Date;
}

/** The storage side of key verification. */
export interface KeyStore {
  /** The key whose current (or still valid previous) secret hashes to `hash`. */
  findByHash(hash: string): Promise<CredentialRow | undefined>;
  /** Tells every instance to evict the key. */
  notifyChanged(credentialId: string): Promise<void>;
  /** On-Behalf-Of names a user: is it an active user of the key's organization? */
  isActiveUser(organizationId: string, userId: string): Promise<boolean>;
  /** Adds a flush interval's usage to the keys' counters. */
  addUsage(batch: UsageBatchRow[]): Promise<void>;
}
