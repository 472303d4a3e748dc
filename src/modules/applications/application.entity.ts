import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConfidentialHidden } from '../../db/confidential-scope';
import { TenantScoped } from '../../db/tenant-scope';
import { ActorRef } from '../audit/entities.api';
import { Organization } from '../organizations/entities.api';
import { Posting } from '../postings/entities.api';
import { StoredFile } from '../uploads/entities.api';
import { ApplicationStatus } from './application-enums';
import { ApplicationAnswer, ApplicationConsent, ApplicationUrl } from './application-values';
import { Candidate } from './candidate.entity';

/**
 * One candidate's application to one posting. `confidential` is copied from the
 * posting when the application is made, so the confidential filter hides it from
 * the same principals the posting is hidden from. (MikroORM also applies the
 * posting's own filters through an automatic join, so an application whose
 * posting later turns confidential is hidden along with it.)
 * `posting`, `candidate` and `resume` are exposed by field resolvers (batched).
 */
@Entity({ tableName: 'applications' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
@Index({ properties: ['posting', 'createdAt'] })
// The retention sweep walks each organization's oldest applications not on legal hold.
@Index({
  name: 'applications_retention_index',
  expression: 'create index "applications_retention_index" on "applications" ("organization_id", "created_at") where legal_hold = false',
})
// Idempotent applies: one application per organization and Idempotency-Key (NULLs do not collide).
@Unique({ properties: ['organization', 'idempotencyKey'] })
@TenantScoped()
@ConfidentialHidden()
@ObjectType()
export class Application {
  [OptionalProps]?:
    | 'confidential'
    | 'phone'
    | 'currentCompany'
    | 'urls'
    | 'comments'
    | 'answers'
    | 'consent'
    | 'source'
    | 'timezone'
    | 'ip'
    | 'userAgent'
    | 'status'
    | 'archiveReason'
    | 'archivedAt'
    | 'resume'
    | 'createdAt'
    | 'idempotencyKey'
    | 'requestHash'
    | 'legalHold'
    | 'privacyNoticeVersion'
    | 'privacyNoticeAcceptedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne(() => Posting, { ref: true })
  posting!: Ref<Posting>;

  @ManyToOne(() => Candidate, { ref: true })
  candidate!: Ref<Candidate>;

  @Field({ description: 'Copied from the posting when the application was made.' })
  @Property()
  confidential: boolean = false;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  currentCompany: string | null = null;

  @Field(() => [ApplicationUrl])
  @Property({ type: 'json' })
  urls: ApplicationUrl[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comments: string | null = null;

  @Field(() => [ApplicationAnswer])
  @Property({ type: 'json' })
  answers: ApplicationAnswer[] = [];

  @Field(() => ApplicationConsent)
  @Property({ type: 'json' })
  consent: ApplicationConsent = { marketing: false, store: false };

  @Field(() => String, { nullable: true, description: 'Where the candidate came from, e.g. "LinkedIn".' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  @Property({ type: 'text', nullable: true })
  timezone: string | null = null;

  @Field(() => String, { nullable: true, description: 'The client IP the application came from.' })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus })
  status: ApplicationStatus = ApplicationStatus.ACTIVE;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  archiveReason: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  @ManyToOne(() => StoredFile, { ref: true, nullable: true })
  resume: Ref<StoredFile> | null = null;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => ActorRef)
  @Embedded(() => ActorRef, { prefix: 'created_by_' })
  createdBy!: ActorRef;

  @Field(() => Int, { nullable: true, description: "The organization's privacy notice version the candidate accepted by applying (null: none was published)." })
  @Property({ type: 'integer', nullable: true })
  privacyNoticeVersion: number | null = null;

  @Field(() => Date, { nullable: true, description: 'When the candidate accepted that notice.' })
  @Property({ type: 'timestamptz', nullable: true })
  privacyNoticeAcceptedAt: Date | null = null;

  /** On legal hold, the application is exempt from the organization's retention period (setApplicationLegalHold). */
  @Field({ description: 'Exempt from the retention period while true.' })
  @Property({ default: false })
  legalHold: boolean = false;

  /** The client's Idempotency-Key; honoured for 24 h, then released (see ApplyIdempotency). */
  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  /** SHA-256 of the posting id and the normalized input, to tell a retry from a different request. */
  @Property({ type: 'text', nullable: true })
  requestHash: string | null = null;
}
