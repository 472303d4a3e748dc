import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWithinCeiling } from '../../auth/ceiling';
import { effectiveOperations } from '../../auth/credential-grants';
import type { OperationUsage } from '../../auth/operation-usage';
import type { Scope } from '../../auth/scope';
import { BadInputError, ConflictError } from '../../errors';
import type { DomainEventBus } from '../../events';
import { recordAudit } from '../audit';
import { organizationOf } from '../organizations';
import { ApiCredential, CredentialKind } from './credential.entity';
import { credentialReach } from './credential-reach';
import type { CredentialUsageRepository } from './credential-usage.repository';
import { impactOf, tally, type OperationTally, type PermissionImpact, type UsageTally } from './credential-usage-impact';
import { checkOperations, throwIfProblems } from './credential-validation';
import type { CredentialService } from './credential.service';

/** Daily buckets are kept this long; housekeeping deletes older ones. Also the widest window. */
export const USAGE_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const TARGET = 'ApiCredential';

export interface OperationUsageSummary extends OperationTally {
  granted: boolean;
  lastUsedAt: Date | null;
  /** For refused calls: the permission that would have allowed them (the operation itself). */
  missingPermission: string | null;
}

export interface KeyUsageSummary {
  credentialId: string;
  since: Date;
  operations: OperationUsageSummary[];
  confidentialReads: number;
  lastConfidentialReadAt: Date | null;
  grantedCount: number;
  usedCount: number;
}

export interface ProposedGrant {
  operations: readonly string[];
  fullAccess: boolean;
  allowConfidential: boolean;
}

export interface NarrowingSuggestion {
  since: Date;
  operations: string[];
  dropped: string[];
  impact: PermissionImpact;
}

/**
 * Least privilege from recorded usage: what a key calls (per operation, daily), what a
 * permission change would break, the smallest grant that covers the calls made, and
 * narrowing to it. Reads flush this instance's in-memory counters first, so what a
 * manager sees includes every call this instance served; other instances' calls
 * appear after their next flush (JOBGATE_USAGE_FLUSH_INTERVAL_MS).
 */
export class CredentialUsageService {
  constructor(
    private readonly repository: CredentialUsageRepository,
    private readonly counters: OperationUsage,
    private readonly credentials: CredentialService,
    private readonly events: DomainEventBus,
  ) {}

  /** `since` clamped to the retention; absent means the whole retention (90 days). */
  window(since: Date | null | undefined, now = Date.now()): Date {
    const oldest = new Date(now - USAGE_RETENTION_DAYS * DAY_MS);
    if (since == null || since < oldest) return oldest;
    if (since.getTime() > now) throw BadInputError.field('since', 'must not be in the future');
    return since;
  }

  /**
   * Never flushes: the flush's insert takes a key-share lock on the key's row, so a flush
   * from inside a transaction that locked that row FOR UPDATE would wait on itself.
   * Callers flush first (`flushed`), outside any transaction.
   */
  private async tallyOf(em: EntityManager, credentialId: string, since: Date): Promise<UsageTally> {
    return tally(await this.repository.rowsSince(em, credentialId, since));
  }

  /** This instance's counters written, so reads include every call it served. */
  private async flushed(): Promise<void> {
    await this.counters.flush();
  }

  async usage(scope: Scope, id: string, sinceArg: Date | null | undefined): Promise<KeyUsageSummary> {
    const since = this.window(sinceArg);
    const credential = await this.credentials.get(scope, id);
    await this.flushed();
    const granted = new Set(this.credentials.effectiveOperations(credential));
    const usage = await this.tallyOf(scope.em, credential.id, since);
    const ids = [...new Set([...granted, ...usage.operations.keys()])].sort();
    const operations = ids.map((operation): OperationUsageSummary => {
      const t = usage.operations.get(operation) ?? {
        operation, allowedCount: 0, refusedCount: 0, firstAllowedAt: null, lastAllowedAt: null, firstRefusedAt: null, lastRefusedAt: null, daily: [],
      };
      return { ...t, granted: granted.has(operation), lastUsedAt: t.lastAllowedAt, missingPermission: t.refusedCount > 0 ? operation : null };
    });
    return {
      credentialId: credential.id,
      since,
      operations,
      confidentialReads: usage.confidentialReads,
      lastConfidentialReadAt: usage.lastConfidentialReadAt,
      grantedCount: granted.size,
      usedCount: operations.filter((o) => o.granted && o.allowedCount > 0).length,
    };
  }

  /** The impact of giving `credential` the grant `next`, over the whole retention window. */
  private async impact(em: EntityManager, credential: ApiCredential, next: ProposedGrant): Promise<PermissionImpact> {
    const usage = await this.tallyOf(em, credential.id, this.window(null));
    const nextOps = effectiveOperations({ operations: next.operations, fullAccess: next.fullAccess, catalogVersion: credential.catalogVersion }, this.credentials.catalog);
    return impactOf(
      { current: this.credentials.effectiveOperations(credential), next: nextOps, currentConfidential: credential.allowConfidential, nextConfidential: next.allowConfidential },
      usage,
    );
  }

  async preview(scope: Scope, id: string, next: ProposedGrant): Promise<PermissionImpact> {
    throwIfProblems(checkOperations(next.operations));
    const credential = await this.credentials.get(scope, id);
    if (credential.kind === CredentialKind.POSTINGS) throw BadInputError.field('operations', 'does not apply to the postings key');
    await this.flushed();
    return this.impact(scope.em, credential, next);
  }

  private async suggestFor(em: EntityManager, credential: ApiCredential, since: Date): Promise<NarrowingSuggestion> {
    if (credential.kind === CredentialKind.POSTINGS) throw BadInputError.field('id', 'the postings key has no operations to narrow');
    const granted = this.credentials.effectiveOperations(credential);
    const usage = await this.tallyOf(em, credential.id, since);
    // Each call is covered by exactly one catalog operation, so the smallest covering grant is the used ones.
    const operations = granted.filter((id) => (usage.operations.get(id)?.allowedCount ?? 0) > 0).sort();
    const dropped = granted.filter((id) => !operations.includes(id)).sort();
    const impact = await this.impact(em, credential, { operations, fullAccess: false, allowConfidential: credential.allowConfidential });
    return { since, operations, dropped, impact };
  }

  async suggest(scope: Scope, id: string, since: Date | null | undefined): Promise<NarrowingSuggestion> {
    const window = this.window(since);
    const credential = await this.credentials.get(scope, id);
    await this.flushed();
    return this.suggestFor(scope.em, credential, window);
  }

  /** Applies the suggestion when its impact is still the one the manager saw; audited as `credential.narrowed`. */
  async narrow(scope: Scope, id: string, sinceArg: Date | null | undefined, expectedImpactHash: string): Promise<ApiCredential> {
    const since = this.window(sinceArg);
    await this.flushed();
    const credential = await scope.em.transactional(async (em) => {
      const org = await organizationOf(em, scope.principal.organizationId);
      const c = await this.credentials.get({ ...scope, em }, id, true);
      const suggestion = await this.suggestFor(em, c, since);
      if (org.settings.lockCredentialPermissions) throw new ConflictError('permissions are locked; delete the key and create a new one');
      // Changing a key is bounded by the caller's reach, even when it only takes power away.
      assertWithinCeiling(scope.principal, credentialReach(c, this.credentials.effectiveOperations(c)), `key ${c.id}`);
      if (suggestion.impact.impactHash !== expectedImpactHash) {
        throw new ConflictError('the key\'s usage or grant changed since the suggestion was made; review it again');
      }
      if (suggestion.operations.length === 0) {
        throw BadInputError.field('since', 'the key made no allowed call in this window; there is nothing to narrow it to (revoke it instead)');
      }
      const before = { operations: this.credentials.effectiveOperations(c), fullAccess: c.fullAccess };
      c.operations = suggestion.operations;
      c.fullAccess = false;
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'credential.narrowed',
        targetType: TARGET,
        targetId: c.id,
        changes: {
          since: since.toISOString(),
          dropped: suggestion.dropped,
          operations: { before: before.operations, after: suggestion.operations },
          fullAccess: { before: before.fullAccess, after: false },
          brokenCalls: suggestion.impact.removedWhileUsed,
        },
      });
      return c;
    });
    await this.events.emit('credential.changed', { credentialId: credential.id });
    return credential;
  }

  /**
   * For updateApiCredential with `expectedImpactHash`: runs inside its transaction with the
   * key locked. CONFLICT when the impact differs from the preview the manager saw; when the
   * save breaks used calls anyway, an audit event records who accepted it.
   */
  async updateGuard(scope: Scope, expectedImpactHash: string, input: { operations?: string[] | null; allowConfidential?: boolean | null }) {
    await this.flushed();
    return async (em: EntityManager, c: ApiCredential): Promise<void> => {
      const impact = await this.impact(em, c, {
        operations: input.operations ?? c.operations,
        fullAccess: c.fullAccess,
        allowConfidential: input.allowConfidential ?? c.allowConfidential,
      });
      if (impact.impactHash !== expectedImpactHash) {
        throw new ConflictError('the key\'s usage changed since the preview; preview the change again before saving');
      }
      if (!impact.breaks) return;
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'credential.impact_accepted',
        targetType: TARGET,
        targetId: c.id,
        changes: { removedWhileUsed: impact.removedWhileUsed, confidentialReadsHidden: impact.confidentialReadsWouldBeHidden ? impact.confidentialReads : 0 },
      });
    };
  }
}
