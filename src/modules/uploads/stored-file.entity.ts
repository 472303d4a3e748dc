import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantScoped } from '../../db/tenant-scope';
import { ActorRef } from '../audit/entities.api';
import { Organization } from '../organizations/entities.api';
import { UploadPurpose } from './upload-purpose';

/**
 * A file's metadata. Uploads are staged by `POST /uploads`, then claimed once by the
 * mutation that references them (`claimedAt`); unclaimed ones are purged after a day.
 * The bytes live behind a `FileStore`.
 */
@Entity({ tableName: 'stored_files' })
// The purge looks only at never-claimed uploads, by age.
@Index({
  name: 'stored_files_unclaimed_created_at_index',
  expression: 'create index "stored_files_unclaimed_created_at_index" on "stored_files" ("created_at") where claimed_at is null',
})
// The orphan sweep of the content-addressed (fs) store asks whether any row names a sha256.
@Index({ name: 'stored_files_sha256_index', properties: ['sha256'] })
@TenantScoped()
@ObjectType('StoredFile', { description: 'An uploaded file: a resume, an attachment or a logo.' })
export class StoredFile {
  [OptionalProps]?: 'createdAt' | 'claimedAt' | 'stagedFromIp' | 'stagedForPosting';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => UploadPurpose)
  @Enum({ items: () => UploadPurpose })
  purpose!: UploadPurpose;

  /** The client's name for the file, sanitized; never used to decide the type. */
  @Field()
  @Property({ type: 'text' })
  filename!: string;

  /** Detected from the content at upload time, not taken from the client. */
  @Field()
  @Property({ type: 'text' })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;

  @Field({ description: 'SHA-256 of the content, hex.' })
  @Property({ type: 'text' })
  sha256!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Set when a mutation references the upload; an upload can be claimed once. */
  @Property({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null = null;

  /**
   * Where an anonymous-facing upload (postings key, hosted form) came from, so one client
   * cannot fill the organization's unclaimed-bytes cap. Cleared when the upload is claimed:
   * the address is kept only while it limits something.
   */
  @Property({ type: 'text', nullable: true })
  stagedFromIp: string | null = null;

  /** The posting an anonymous-facing apply staged this upload for (none for `POST /uploads`); for the per-posting share of the cap. */
  @Property({ type: 'uuid', nullable: true })
  stagedForPosting: string | null = null;

  @Embedded(() => ActorRef, { prefix: 'created_by_' })
  createdBy!: ActorRef;
}
