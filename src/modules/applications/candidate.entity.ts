import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScoped } from '../../db/tenant-scope';
import { Organization } from '../organizations/entities.api';

/**
 * A person who applied, deduplicated per organization by e-mail address
 * (case-insensitively, as Lever does): every application from the same address
 * links the same candidate. `emailKey` is the lower-cased address the unique
 * index holds, so concurrent applies from one person cannot create two rows.
 */
@Entity({ tableName: 'candidates' })
@Unique({ properties: ['organization', 'emailKey'] })
@TenantScoped()
@ObjectType()
export class Candidate {
  [OptionalProps]?: 'phone' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field({ description: 'As given in the latest application.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'As given in the latest application.' })
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  emailKey!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
