import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantScoped } from '../../db/tenant-scope';
import { Organization } from '../organizations/entities.api';

/**
 * One published version of an organization's privacy notice. Versions are never
 * edited or deleted: an application records the version its candidate accepted, so
 * the text they were shown can always be produced. The highest version is current.
 */
@Entity({ tableName: 'privacy_notices' })
@Unique({ properties: ['organization', 'version'] })
@TenantScoped()
@ObjectType()
export class PrivacyNotice {
  [OptionalProps]?: 'url' | 'publishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => Int, { description: '1, 2, …; the highest is current.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field({ description: 'The notice as shown to candidates (plain text).' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Where the full policy is published, if elsewhere.' })
  @Property({ type: 'text', nullable: true })
  url: string | null = null;

  @Field()
  @Property({ type: 'timestamptz' })
  publishedAt: Date = new Date();
}
