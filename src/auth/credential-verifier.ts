import { LRUCache } from 'lru-cache';
import type { Principal, RequestMeta } from './principal';
import { hashSecret, SECRET_PREFIXES, type SecretPrefix } from './secret-format';
import type { PgNotifier } from '../db/pg-notifier';
import { AppError, ForbiddenError, UnauthenticatedError } from '../errors';
import { CREDENTIALS_CHANNEL } from './credential-events';
import type { KeyStore } from './key-store';
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

export interface VerifyKeyOptions {
  secret: string;
  meta: RequestMeta;
  /** The prefix the secret was presented with: a jgp_ secret is only ever a postings key. */
  expectedPrefix: SecretPrefix;
}

/** Why a key was refused: a stable code for callers and logs, beside the human message. */
export type KeyRejection = 'INVALID' | 'REVOKED' | 'EXPIRED' | 'ROTATED_OUT' | 'PLAN_REQUIRED' | 'IP_NOT_ALLOWED' | 'RATE_LIMITED' | 'BAD_ON_BEHALF_OF';

export type KeyVerification =
  | { ok: true; principal: Principal }
  | { ok: false; code: KeyRejection; message: string; error: AppError };

function refuse(code: KeyRejection, error: AppError): KeyVerification {
  return { ok: false, code, message: error.message, error };
}

/** The limiter and On-Behalf-Of report refusals as AppErrors; anything else is a real failure. */
function rejectionOf(err: unknown, code: KeyRejection): KeyVerification {
  if (err instanceof AppError) return refuse(code, err);
  throw err;
}

/** The authenticator's view: a principal, or the refusal's error thrown. */
export function principalOrThrow(result: KeyVerification): Principal {
  if (result.ok) return result.principal;
  throw result.error;
}

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
    private readonly repository: KeyStore,
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

  /**
   * Verifies one API key secret. Every outcome is a value: `{ ok: true, principal }`, or
   * `{ ok: false, code, message, error }` naming why the key was refused (the error is
   * what a transport should answer; `principalOrThrow` adapts it for the authenticator).
   */
  async verifyKey({ secret, meta, expectedPrefix }: VerifyKeyOptions): Promise<KeyVerification> {
    const hash = hashSecret(secret);
    const key = this.cache.get(hash) ?? (await this.load(hash));
    if (!key || key.kind !== KIND_OF_PREFIX[expectedPrefix]) return refuse('INVALID', new UnauthenticatedError('Invalid API key'));
    const now = Date.now();
    if (key.revoked) return refuse('REVOKED', new UnauthenticatedError('This API key has been revoked'));
    if (key.expiresAt !== null && key.expiresAt <= now) return refuse('EXPIRED', new UnauthenticatedError('This API key has expired'));
    if (key.secretValidUntil !== null && key.secretValidUntil <= now) return refuse('ROTATED_OUT', new UnauthenticatedError('This API key secret was rotated out'));
    if (key.kind === 'DATA' && key.plan !== 'FULL') {
      return refuse('PLAN_REQUIRED', new ForbiddenError(`Data API keys need the FULL plan; this organization is on the ${key.plan} plan`, { plan: key.plan }));
    }
    if (!ipAllowed(meta.ip, key.ranges)) return refuse('IP_NOT_ALLOWED', new ForbiddenError(`This API key is not allowed from ${meta.ip} (allowedCidrs)`));
    // The postings key is publishable and shared by every visitor of a career site; the public API has its own limits.
    if (key.kind === 'DATA') {
      const limited = await this.limiter.consume(key.id, key.rateLimitPerMinute).then(
        () => null,
        (err: unknown) => rejectionOf(err, 'RATE_LIMITED'),
      );
      if (limited) return limited;
    }
    this.usage.record(key.id);
    if (key.kind === 'POSTINGS') {
      const principal: Principal = { kind: 'POSTINGS_KEY', organizationId: key.organizationId, credentialId: key.id, displayName: key.name, grants: new Set(), allowConfidential: false };
      return { ok: true, principal };
    }
    let onBehalfOfUserId: string | undefined;
    try {
      onBehalfOfUserId = await resolveOnBehalfOf((userId) => this.repository.isActiveUser(key.organizationId, userId), meta.headers);
    } catch (err) {
      return rejectionOf(err, 'BAD_ON_BEHALF_OF');
    }
    const principal: Principal = {
      kind: 'DATA_KEY',
      organizationId: key.organizationId,
      credentialId: key.id,
      displayName: key.name,
      grants: key.grants,
      allowConfidential: key.allowConfidential,
      onBehalfOfUserId,
    };
    return { ok: true, principal };
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
