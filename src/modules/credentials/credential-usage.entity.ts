import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { ApiCredential } from './credential.entity';

/**
 * One key's calls of one catalog operation on one UTC day, by outcome (ALLOWED,
 * REFUSED, or CONFIDENTIAL_READ under the pseudo-operation `*`). Written only by the
 * batched upsert of credential-usage.repository.ts, read by the usage API, purged
 * after 90 days by housekeeping. Not tenant-scoped: every read goes through a key
 * first looked up in the caller's organization. Deleted with its key.
 */
@Entity({ tableName: 'api_credential_usage' })
@Index({ name: 'api_credential_usage_day_index', properties: ['day'] })
export class CredentialUsage {
  @ManyToOne(() => ApiCredential, { primary: true, deleteRule: 'cascade', ref: true })
  credential!: Ref<ApiCredential>;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ length: 100 })
  operation!: string;

  @PrimaryKey({ length: 20 })
  outcome!: string;

  @Property({ type: 'bigint' })
  count!: string;

  @Property({ type: 'timestamptz' })
  firstAt!: Date;

  @Property({ type: 'timestamptz' })
  lastAt!: Date;
}
