import { LRUCache } from 'lru-cache';
import type { Principal, RequestMeta } from './principal';
import { hashSecret, SECRET_PREFIXES, type SecretPrefix } from './secret-format';
import type { PgNotifier } from '../db/pg-notifier';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { CREDENTIALS_CHANNEL } from './credential-events';
import type { KeyRepository } from './key.repository';
import { effectiveOperations, type CatalogRef } from './credential-grants';
import { ipAllowed, parseCidrs, type ParsedCidr } from './ip-allowlist';
import type { KeyRateLimiter } from './key-rate-limiter';
import { resolveOnBehalfOf } from './on-behalf-of';
import type { UsageRecorder } from './usage-recorder';

/** What one verification needs, kept per secret hash. */
interface VerifiedKey {
  id: string;
  organizationId: string;
  kind: 'POSTINGS' | 'DATA';
  name: string;
  grants: ReadonlySet<string>;
  allowConfidential: boolean;
  ranges: ParsedCidr[];
  expiresAt: number | null;
  revoked: boolean;
  /** Set when the secret is the one replaced by a rotation with a grace period. */
  secretValidUntil: number | null;
  rateLimitPerMinute: number;
  plan: 'BASIC' | 'FULL';
}

const KIND_OF_PREFIX: Partial<Record<SecretPrefix, 'POSTINGS' | 'DATA'>> = {
  [SECRET_PREFIXES.postingsKey]: 'POSTINGS',
  [SECRET_PREFIXES.dataKey]: 'DATA',
};

export interface VerifierOptions {
  cacheTtlMs: number;
  catalog: CatalogRef;
}

/**
 * The hot path for jgk_/jgp_ secrets (the checksum was already checked by the
 * Authenticator): SHA-256 → in-process LRU keyed by hash → else one indexed SQL
 * lookup → status, expiry, IP allowlist, rate limit → principal. Every credential
 * change is NOTIFYed on CREDENTIALS_CHANNEL and evicted here on every instance; the
 * cache TTL is only a safety net.
 */
export class CredentialVerifier {
  private readonly cache: LRUCache<string, VerifiedKey>;
  private readonly hashesById = new Map<string, Set<string>>();
  private readonly evictListeners = new Set<(credentialId: string) => void>();
  /** Bumped on every eviction: a lookup that raced with one is not cached. */
  private epoch = 0;
  /** SQL lookups made (cache misses), for the benchmark. */
  lookups = 0;

  constructor(
    private readonly repository: KeyRepository,
    private readonly notifier: PgNotifier,
    private readonly limiter: KeyRateLimiter,
    private readonly usage: UsageRecorder,
    private readonly options: VerifierOptions,
  ) {
    this.cache = new LRUCache<string, VerifiedKey>({
      max: 50_000,
      ttl: Math.max(1, options.cacheTtlMs),
      dispose: (key, hash) => this.hashesById.get(key.id)?.delete(hash),
    });
  }

  async start(): Promise<void> {
    await this.notifier.subscribe(CREDENTIALS_CHANNEL, (id) => this.evict(id), () => this.clear());
  }

  /** Evicts here at once, then NOTIFYs every instance (including this one, harmlessly). Call after commit. */
  async announce(credentialId: string): Promise<void> {
    this.evict(credentialId);
    await this.repository.notifyChanged(credentialId);
  }

  evict(credentialId: string): void {
    this.epoch += 1;
    for (const hash of [...(this.hashesById.get(credentialId) ?? [])]) this.cache.delete(hash);
    this.hashesById.delete(credentialId);
    for (const listener of this.evictListeners) listener(credentialId);
  }

  /**
   * Calls `listener` after each eviction of one credential (local or heard through NOTIFY),
   * for whoever needs to know a change arrived (metrics, tests); returns the unsubscribe.
   */
  onEvict(listener: (credentialId: string) => void): () => void {
    this.evictListeners.add(listener);
    return () => this.evictListeners.delete(listener);
  }

  clear(): void {
    this.epoch += 1;
    this.cache.clear();
    this.hashesById.clear();
  }

  async verify(secret: string, meta: RequestMeta, prefix: SecretPrefix): Promise<Principal> {
    const hash = hashSecret(secret);
    const key = this.cache.get(hash) ?? (await this.load(hash));
    if (!key || key.kind !== KIND_OF_PREFIX[prefix]) throw new UnauthenticatedError('Invalid API key');
    const now = Date.now();
    if (key.revoked) throw new UnauthenticatedError('This API key has been revoked');
    if (key.expiresAt !== null && key.expiresAt <= now) throw new UnauthenticatedError('This API key has expired');
    if (key.secretValidUntil !== null && key.secretValidUntil <= now) throw new UnauthenticatedError('This API key secret was rotated out');
    if (key.kind === 'DATA' && key.plan !== 'FULL') {
      throw new ForbiddenError(`Data API keys need the FULL plan; this organization is on the ${key.plan} plan`, { plan: key.plan });
    }
    if (!ipAllowed(meta.ip, key.ranges)) throw new ForbiddenError(`This API key is not allowed from ${meta.ip} (allowedCidrs)`);
    // The postings key is publishable and shared by every visitor of a career site; the public API has its own limits.
    if (key.kind === 'DATA') await this.limiter.consume(key.id, key.rateLimitPerMinute);
    this.usage.record(key.id);
    if (key.kind === 'POSTINGS') {
      return { kind: 'POSTINGS_KEY', organizationId: key.organizationId, credentialId: key.id, displayName: key.name, grants: new Set(), allowConfidential: false };
    }
    const onBehalfOfUserId = await resolveOnBehalfOf((userId) => this.repository.isActiveUser(key.organizationId, userId), meta.headers);
    return {
      kind: 'DATA_KEY',
      organizationId: key.organizationId,
      credentialId: key.id,
      displayName: key.name,
      grants: key.grants,
      allowConfidential: key.allowConfidential,
      onBehalfOfUserId,
    };
  }

  private async load(hash: string): Promise<VerifiedKey | undefined> {
    const epoch = this.epoch;
    this.lookups += 1;
    const row = await this.repository.findByHash(hash);
    if (!row) return undefined;
    const key: VerifiedKey = {
      id: row.id,
      organizationId: row.organization_id,
      kind: row.kind,
      name: row.name,
      grants: new Set(effectiveOperations({ operations: row.operations, fullAccess: row.full_access, catalogVersion: row.catalog_version }, this.options.catalog.current)),
      allowConfidential: row.allow_confidential,
      ranges: parseCidrs(row.allowed_cidrs),
      expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null,
      revoked: row.revoked_at !== null,
      secretValidUntil: row.secret_hash === hash ? null : new Date(row.previous_secret_expires_at!).getTime(),
      rateLimitPerMinute: row.rate_limit_per_minute,
      plan: row.plan,
    };
    if (epoch === this.epoch) {
      this.cache.set(hash, key);
      let hashes = this.hashesById.get(key.id);
      if (!hashes) this.hashesById.set(key.id, (hashes = new Set()));
      hashes.add(hash);
    }
    return key;
  }
}
