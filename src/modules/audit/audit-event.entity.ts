import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConfidentialHidden } from '../../db/confidential-scope';
import { TenantScoped } from '../../db/tenant-scope';
import { Organization } from '../organizations/entities.api';

export enum ActorType {
  USER = 'USER',
  API_CREDENTIAL = 'API_CREDENTIAL',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorType, { name: 'ActorType' });

/**
 * Append-only: nothing deletes these rows, and the only update is `confidential`
 * following its posting's confidential switch. Events tied to a posting (its own
 * events, and those of its applications) carry `postingId`; while that posting or
 * application is confidential the event is too, and the confidential filter hides it
 * (from the list and its totalCount alike) from principals without confidential access.
 */
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['organization', 'at', 'id'] })
@Index({ properties: ['postingId'] })
@TenantScoped()
@ConfidentialHidden()
@ObjectType()
export class AuditEvent {
  [OptionalProps]?: 'at' | 'actorId' | 'actorName' | 'onBehalfOfUserId' | 'targetType' | 'targetId' | 'changes' | 'ip' | 'userAgent' | 'requestId' | 'postingId' | 'confidential';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field()
  @Property({ type: 'timestamptz' })
  @Index({ name: 'audit_events_at_index' }) // the retention purge deletes by age across organizations
  at: Date = new Date();

  @Field(() => ActorType)
  @Enum({ items: () => ActorType })
  actorType!: ActorType;

  @Field(() => String, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  onBehalfOfUserId: string | null = null;

  @Field({ description: 'Dotted, e.g. user.created.' })
  @Property({ type: 'text' })
  @Index()
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  targetType: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  targetId: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Before/after values; never secrets.' })
  @Property({ type: 'json', nullable: true })
  changes: Record<string, unknown> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  /** The posting the event is about, directly or through one of its applications. */
  @Property({ type: 'uuid', nullable: true })
  postingId: string | null = null;

  @Property()
  confidential: boolean = false;
}
