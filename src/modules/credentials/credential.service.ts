import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { tenantFork } from '../../db/request-scope';
import { assertWithinCeiling } from '../../auth/ceiling';
import type { Scope } from '../../auth/scope';
import { generateSecret, hashSecret, SECRET_PREFIXES, secretHint } from '../../auth/secret-format';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { paginate, type Page, type PageRequest } from '../../db/paginate';
import { isUuid } from '../../ids';
import { diff, recordAudit } from '../audit';
import type { WebhookService } from '../webhooks';
import { organizationOf, Plan, type Organization } from '../organizations';
import { ApiCredential, CredentialKind } from './credential.entity';
import { CredentialRepository } from './credential.repository';
import { effectiveOperations, type CatalogRef, type CatalogSource } from '../../auth/credential-grants';
import type { DomainEventBus } from '../../events';
import type { ApiCredentialFilterInput, CreateApiCredentialInput, UpdateApiCredentialInput } from './credential.inputs';
import { credentialWhere } from './credential-criteria';
import {
  checkDescription,
  checkExpiry,
  checkName,
  checkOperations,
  checkPreviousSecretTtl,
  checkRateLimit,
  normalizeCidrs,
  resolveGrant,
  throwIfProblems,
} from './credential-validation';
import { decryptSecret, encryptSecret } from './secret-box';
import { credentialReach } from './credential-reach';

export interface IssuedCredential {
  credential: ApiCredential;
  /** Shown once: never stored in clear and never retrievable again (except the postings key, encrypted). */
  secret: string;
}

/** Sets a credential's logo from a staged upload (credential-logo.ts), naming `field` in errors. */
export type LogoSetter = (em: EntityManager, credential: ApiCredential, uploadId: string, field: string) => Promise<void>;

const AUDITED: (keyof ApiCredential)[] = ['name', 'description', 'allowConfidential', 'allowedCidrs', 'expiresAt', 'rateLimitPerMinute'];
const TARGET = 'ApiCredential';

/**
 * The credential lifecycle. Every change commits with its audit event, then a
 * `credential.changed` event is emitted so every instance drops the cached key
 * before its next request.
 */
export class CredentialService {
  constructor(
    private readonly orm: MikroORM,
    private readonly masterKey: Buffer,
    private readonly events: DomainEventBus,
    private readonly catalogRef: CatalogRef,
    private readonly logoSetter: LogoSetter | null,
    private readonly webhooks: WebhookService | null = null,
  ) {}

  /** The catalog grants are computed against (tests swap it through the shared CatalogRef). */
  get catalog(): CatalogSource {
    return this.catalogRef.current;
  }

  /** After commit: every instance drops the cached key (local eviction, then NOTIFY). */
  private announce(credentialId: string): Promise<void> {
    return this.events.emit('credential.changed', { credentialId });
  }

  effectiveOperations(credential: ApiCredential): string[] {
    return effectiveOperations(credential, this.catalog);
  }

  /** The ceiling rule for an existing key: whoever changes it, re-enables it or takes its secret must have all it has. */
  private assertWithinCeiling(scope: Scope, credential: ApiCredential, state = ''): void {
    const what = `${credential.kind === CredentialKind.POSTINGS ? 'the postings key' : `key ${credential.id}`}${state ? ` ${state}` : ''}`;
    assertWithinCeiling(scope.principal, credentialReach(credential, this.effectiveOperations(credential)), what);
  }

  list(scope: Scope, filter: ApiCredentialFilterInput | null | undefined, page: PageRequest): Promise<Page<ApiCredential>> {
    return paginate(scope.em, ApiCredential, credentialWhere(filter), page, { createdAt: 'asc', id: 'asc' });
  }

  async get(scope: Scope, id: string, lock = false): Promise<ApiCredential> {
    // A malformed id names nothing: the same NOT_FOUND as an absent key (as for postings and users).
    const credential = isUuid(id)
      ? await scope.em.findOne(ApiCredential, { id: id.toLowerCase() }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
      : null;
    if (!credential) throw new NotFoundError('ApiCredential', id);
    return credential;
  }

  async postingsCredential(em: EntityManager): Promise<ApiCredential> {
    const credential = await em.findOne(ApiCredential, { kind: CredentialKind.POSTINGS });
    if (!credential) throw new NotFoundError('Postings API key');
    return credential;
  }

  /** The signup.onOrganizationCreated hook: every organization gets exactly one postings key. */
  async issuePostingsKey(em: EntityManager, organization: Organization): Promise<void> {
    const secret = generateSecret(SECRET_PREFIXES.postingsKey);
    const credential = em.create(ApiCredential, {
      organization,
      kind: CredentialKind.POSTINGS,
      name: 'Postings API key',
      catalogVersion: this.catalog.version,
      secretHash: hashSecret(secret),
      secretHint: secretHint(secret),
      encryptedSecret: encryptSecret(this.masterKey, secret),
    });
    recordAudit(em, organization.id, null, null, { action: 'api_credential.created', targetType: TARGET, targetId: credential.id, changes: { kind: CredentialKind.POSTINGS } });
  }

  /**
   * Issues the missing postings key of organizations created before this module
   * existed. Idempotent and safe across instances (the partial unique index refuses
   * a second key; that instance simply skips the organization).
   */
  async backfillPostingsKeys(): Promise<number> {
    let issued = 0;
    for (const id of await new CredentialRepository(this.orm).organizationsWithoutPostingsKey()) {
      const em = tenantFork(this.orm, id);
      try {
        await em.transactional(async (tx) => this.issuePostingsKey(tx, await organizationOf(tx, id)));
        issued += 1;
      } catch (err) {
        if (!(err instanceof UniqueConstraintViolationException)) throw err;
      }
    }
    return issued;
  }

  async create(scope: Scope, input: CreateApiCredentialInput): Promise<IssuedCredential> {
    const org = await organizationOf(scope.em, scope.principal.organizationId);
    if (org.plan !== Plan.FULL) throw new ForbiddenError(`Data API keys need the FULL plan; this organization is on the ${org.plan} plan`, { plan: org.plan });
    const grant = resolveGrant(input);
    const cidrs = normalizeCidrs(input.allowedCidrs ?? []);
    const problems = [
      ...checkName(input.name),
      ...checkDescription(input.description),
      ...grant.problems,
      ...cidrs.problems,
      ...checkExpiry(input.expiresAt, org.settings.maxCredentialLifetimeDays),
      ...checkRateLimit(input.rateLimitPerMinute),
    ];
    if (!input.fullAccess && grant.operations.length === 0 && !grant.problems.length) {
      problems.push({ field: 'operations', message: 'grant at least one operation (operations, presetIds or partnerId), or set fullAccess' });
    }
    if (input.logoUploadId != null && !this.logoSetter) problems.push({ field: 'logoUploadId', message: 'logo uploads are not available' });
    throwIfProblems(problems);
    const requested = effectiveOperations({ operations: grant.operations, fullAccess: input.fullAccess, catalogVersion: this.catalog.version }, this.catalog);
    assertWithinCeiling(scope.principal, credentialReach({ kind: CredentialKind.DATA, allowConfidential: input.allowConfidential }, requested), 'the new key');
    const secret = generateSecret(SECRET_PREFIXES.dataKey);
    const credential = await scope.em.transactional(async (em) => {
      const created = em.create(ApiCredential, {
        organization: org.id,
        kind: CredentialKind.DATA,
        name: input.name.trim(),
        description: input.description?.trim() || null,
        partner: input.partnerId ?? null,
        operations: grant.operations,
        fullAccess: input.fullAccess,
        catalogVersion: this.catalog.version,
        allowConfidential: input.allowConfidential,
        allowedCidrs: cidrs.cidrs,
        expiresAt: input.expiresAt ?? null,
        rateLimitPerMinute: input.rateLimitPerMinute ?? undefined,
        secretHash: hashSecret(secret),
        secretHint: secretHint(secret),
        createdBy: scope.principal.userId ?? null,
      });
      if (input.logoUploadId != null) await this.logoSetter!(em, created, input.logoUploadId, 'logoUploadId');
      recordAudit(em, org.id, scope.principal, scope.meta, {
        action: 'api_credential.created',
        targetType: TARGET,
        targetId: created.id,
        changes: {
          kind: created.kind,
          name: created.name,
          partner: created.partner,
          operations: created.operations,
          fullAccess: created.fullAccess,
          catalogVersion: created.catalogVersion,
          allowConfidential: created.allowConfidential,
          allowedCidrs: created.allowedCidrs,
          expiresAt: created.expiresAt,
          rateLimitPerMinute: created.rateLimitPerMinute,
        },
      });
      return created;
    });
    return { credential, secret };
  }

  /** `beforeChange` runs in the transaction with the key locked and unchanged (the usage impact check). */
  async update(scope: Scope, id: string, input: UpdateApiCredentialInput, beforeChange?: (em: EntityManager, credential: ApiCredential) => Promise<void>): Promise<ApiCredential> {
    const org = await organizationOf(scope.em, scope.principal.organizationId);
    const cidrs = input.allowedCidrs != null ? normalizeCidrs(input.allowedCidrs) : null;
    const problems = [
      ...(input.name != null ? checkName(input.name) : []),
      ...checkDescription(input.description),
      ...(input.operations != null ? checkOperations(input.operations) : []),
      ...(cidrs?.problems ?? []),
      ...(input.expiresAt != null ? checkExpiry(input.expiresAt, org.settings.maxCredentialLifetimeDays) : []),
      ...checkRateLimit(input.rateLimitPerMinute),
    ];
    throwIfProblems(problems);
    const credential = await scope.em.transactional(async (em) => {
      const c = await this.get({ ...scope, em }, id, true);
      const nextOps = input.operations != null ? [...new Set(input.operations)].sort() : c.operations;
      const permissionsChange =
        JSON.stringify(nextOps) !== JSON.stringify([...c.operations].sort()) ||
        (input.allowConfidential != null && input.allowConfidential !== c.allowConfidential);
      if (c.kind === CredentialKind.POSTINGS && (input.operations != null || input.allowConfidential != null || input.expiresAt != null)) {
        throw BadInputError.field(input.operations != null ? 'operations' : input.allowConfidential != null ? 'allowConfidential' : 'expiresAt', 'does not apply to the postings key');
      }
      if (permissionsChange && org.settings.lockCredentialPermissions) {
        throw new ConflictError('permissions are locked; delete the key and create a new one');
      }
      if (!c.fullAccess && nextOps.length === 0) throw BadInputError.field('operations', 'a key without fullAccess needs at least one operation');
      this.assertWithinCeiling(scope, c);
      if (beforeChange) await beforeChange(em, c);
      const before = { ...c, operations: this.effectiveOperations(c) };
      if (input.name != null) c.name = input.name.trim();
      if (input.description != null) c.description = input.description.trim() || null;
      c.operations = nextOps;
      if (input.allowConfidential != null) c.allowConfidential = input.allowConfidential;
      if (cidrs) c.allowedCidrs = cidrs.cidrs;
      if (input.expiresAt != null) c.expiresAt = input.expiresAt;
      if (input.rateLimitPerMinute != null) c.rateLimitPerMinute = input.rateLimitPerMinute;
      this.assertWithinCeiling(scope, c, 'as changed');
      const after = { ...c, operations: this.effectiveOperations(c) };
      recordAudit(em, org.id, scope.principal, scope.meta, {
        action: 'api_credential.updated',
        targetType: TARGET,
        targetId: c.id,
        changes: diff(before as ApiCredential, after as ApiCredential, [...AUDITED, 'operations']),
      });
      return c;
    });
    await this.announce(credential.id);
    return credential;
  }

  async setRevoked(scope: Scope, id: string, revoked: boolean): Promise<ApiCredential> {
    const credential = await scope.em.transactional(async (em) => {
      const c = await this.get({ ...scope, em }, id, true);
      if ((c.revokedAt !== null) === revoked) return c;
      // Revoking only takes power away; re-enabling gives it back, so that is bounded by the caller's reach.
      if (!revoked) this.assertWithinCeiling(scope, c);
      c.revokedAt = revoked ? new Date() : null;
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: revoked ? 'api_credential.revoked' : 'api_credential.reenabled',
        targetType: TARGET,
        targetId: c.id,
      });
      if (revoked) await this.webhooks?.enqueueFor(em, { organizationId: scope.principal.organizationId, type: 'credential.revoked', data: { id: c.id, kind: c.kind, revokedAt: c.revokedAt!.toISOString() } });
      return c;
    });
    await this.announce(credential.id);
    return credential;
  }

  async delete(scope: Scope, id: string): Promise<boolean> {
    await scope.em.transactional(async (em) => {
      const c = await this.get({ ...scope, em }, id, true);
      if (c.kind === CredentialKind.POSTINGS) throw new ConflictError('the postings key cannot be deleted; rotate it instead');
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'api_credential.deleted',
        targetType: TARGET,
        targetId: c.id,
        changes: { name: c.name, kind: c.kind },
      });
      em.remove(c);
    });
    await this.announce(id);
    return true;
  }

  /** A new secret; the old one dies now (TTL 0, Lever's reset) or after the TTL (zero-downtime deploys). */
  async rotate(scope: Scope, id: string, previousSecretTtlSeconds: number): Promise<IssuedCredential> {
    checkPreviousSecretTtl(previousSecretTtlSeconds);
    const result = await scope.em.transactional(async (em) => {
      const c = await this.get({ ...scope, em }, id, true);
      // The caller receives the new secret, i.e. everything the key can do.
      this.assertWithinCeiling(scope, c);
      const secret = generateSecret(c.kind === CredentialKind.POSTINGS ? SECRET_PREFIXES.postingsKey : SECRET_PREFIXES.dataKey);
      const keepOld = previousSecretTtlSeconds > 0;
      c.previousSecretHash = keepOld ? c.secretHash : null;
      c.previousSecretExpiresAt = keepOld ? new Date(Date.now() + previousSecretTtlSeconds * 1000) : null;
      c.secretHash = hashSecret(secret);
      c.secretHint = secretHint(secret);
      if (c.kind === CredentialKind.POSTINGS) c.encryptedSecret = encryptSecret(this.masterKey, secret);
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'api_credential.rotated',
        targetType: TARGET,
        targetId: c.id,
        changes: { previousSecretTtlSeconds, previousSecretExpiresAt: c.previousSecretExpiresAt },
      });
      await this.webhooks?.enqueueFor(em, {
        organizationId: scope.principal.organizationId,
        type: 'credential.rotated',
        data: { id: c.id, kind: c.kind, rotatedAt: new Date().toISOString(), previousSecretExpiresAt: c.previousSecretExpiresAt?.toISOString() ?? null },
      });
      return { credential: c, secret };
    });
    await this.announce(result.credential.id);
    return result;
  }

  async setLogo(scope: Scope, id: string, uploadId: string): Promise<ApiCredential> {
    if (!this.logoSetter) throw BadInputError.field('uploadId', 'logo uploads are not available');
    const credential = await scope.em.transactional(async (em) => {
      const c = await this.get({ ...scope, em }, id, true);
      this.assertWithinCeiling(scope, c);
      await this.logoSetter!(em, c, uploadId, 'uploadId');
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'api_credential.logo_set',
        targetType: TARGET,
        targetId: c.id,
        changes: { logoFileId: c.logoFileId },
      });
      return c;
    });
    await this.announce(credential.id);
    return credential;
  }

  /** A mutation, not a query, because reading the key again is itself audited. */
  async revealPostingsKey(scope: Scope): Promise<string> {
    return scope.em.transactional(async (em) => {
      const c = await em.findOne(ApiCredential, { kind: CredentialKind.POSTINGS }, { populate: ['encryptedSecret'] });
      if (!c?.encryptedSecret) throw new NotFoundError('Postings API key');
      this.assertWithinCeiling(scope, c);
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'api_credential.postings_key_revealed',
        targetType: TARGET,
        targetId: c.id,
      });
      return decryptSecret(this.masterKey, c.encryptedSecret);
    });
  }
}
