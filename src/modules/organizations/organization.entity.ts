import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationSettings } from './organization-settings';

export enum Plan {
  /** Postings API only, as Lever's Basic plan. */
  BASIC = 'BASIC',
  FULL = 'FULL',
}
registerEnumType(Plan, { name: 'Plan' });

export const SLUG_PATTERN = /^[a-z0-9-]{2,63}$/;

/** The tenant root: not tenant-filtered itself, always loaded by the principal's organization id. */
@Entity({ tableName: 'organizations' })
@ObjectType()
export class Organization {
  [OptionalProps]?: 'plan' | 'settings' | 'settingsVersion' | 'createdAt' | 'feedChangedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Plan)
  @Enum({ items: () => Plan })
  plan: Plan = Plan.FULL;

  @Field(() => OrganizationSettings)
  @Embedded(() => OrganizationSettings, { object: true })
  settings: OrganizationSettings = new OrganizationSettings();

  /** Bumped on every settings change; part of the feed's ETag and cache keys. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  settingsVersion: number = 1;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /**
   * When the public feed last changed in a way no visible posting's `updated_at`
   * shows: a settings change, or a posting leaving the public set (deleted, closed,
   * made confidential). Part of the feed's validators; never exposed.
   */
  @Property({ type: 'timestamptz', nullable: true })
  feedChangedAt: Date | null = null;
}
