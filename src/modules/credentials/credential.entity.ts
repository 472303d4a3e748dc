import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantScoped } from '../../db/tenant-scope';
import { Organization } from '../organizations/entities.api';

export enum CredentialKind {
  /** The organization's one publishable key for the public API. */
  POSTINGS = 'POSTINGS',
  /** A scoped key for the admin API (FULL plan only). */
  DATA = 'DATA',
}
registerEnumType(CredentialKind, { name: 'ApiCredentialKind' });

export enum CredentialStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CredentialStatus, { name: 'ApiCredentialStatus' });

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/**
 * An API credential. Secrets are never stored: only their SHA-256 (looked up by the
 * verifier before any tenant is known, with raw SQL) and a hint. The postings key is
 * the one exception, kept AES-256-GCM encrypted so managers can read it again.
 * None of the secret columns has a @Field.
 */
@Entity({ tableName: 'api_credentials' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
@Unique({
  name: 'api_credentials_one_postings_key_per_org',
  expression: `create unique index "api_credentials_one_postings_key_per_org" on "api_credentials" ("organization_id") where "kind" = 'POSTINGS'`,
})
@TenantScoped()
@ObjectType('ApiCredential')
export class ApiCredential {
  [OptionalProps]?:
    | 'description'
    | 'partner'
    | 'operations'
    | 'fullAccess'
    | 'allowConfidential'
    | 'allowedCidrs'
    | 'expiresAt'
    | 'revokedAt'
    | 'previousSecretHash'
    | 'previousSecretExpiresAt'
    | 'encryptedSecret'
    | 'rateLimitPerMinute'
    | 'logoFileId'
    | 'createdBy'
    | 'lastUsedAt'
    | 'useCount'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => CredentialKind)
  @Enum({ items: () => CredentialKind })
  kind!: CredentialKind;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true, description: 'The integration partner id this key was made for, if any.' })
  @Property({ type: 'text', nullable: true })
  partner: string | null = null;

  /** The explicit grant. GraphQL `operations` is the effective grant (see credential-grants.ts). */
  @Property({ type: 'text[]' })
  operations: string[] = [];

  @Field({ description: 'Granted every operation the catalog had when the key was created (never later ones).' })
  @Property()
  fullAccess: boolean = false;

  /** The catalog version at creation; bounds what `fullAccess` grants. */
  @Property({ type: 'integer' })
  catalogVersion!: number;

  @Field({ description: 'Whether confidential postings and their applications exist for this key.' })
  @Property()
  allowConfidential: boolean = false;

  @Field(() => [String], { description: 'Client address ranges allowed to use the key; empty means any.' })
  @Property({ type: 'text[]' })
  allowedCidrs: string[] = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'text', unique: true })
  secretHash!: string;

  @Field({ description: 'Prefix, first and last characters of the secret, e.g. jgk_ab12…wxyz.' })
  @Property({ type: 'text' })
  secretHint!: string;

  @Property({ type: 'text', nullable: true })
  @Index()
  previousSecretHash: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Until then the secret replaced by the last rotation still works.' })
  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  /** Postings key only: base64(iv ‖ tag ‖ AES-256-GCM ciphertext) under the master key. */
  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  encryptedSecret: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  rateLimitPerMinute: number = DEFAULT_RATE_LIMIT_PER_MINUTE;

  @Property({ type: 'uuid', nullable: true })
  logoFileId: string | null = null;

  /** The user who created the key; null for postings keys made with the organization. */
  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Approximate: usage is flushed in batches.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'integer' })
  useCount: number = 0;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export function statusOf(credential: Pick<ApiCredential, 'revokedAt' | 'expiresAt'>, now = new Date()): CredentialStatus {
  if (credential.revokedAt) return CredentialStatus.REVOKED;
  if (credential.expiresAt && credential.expiresAt.getTime() <= now.getTime()) return CredentialStatus.EXPIRED;
  return CredentialStatus.ACTIVE;
}
