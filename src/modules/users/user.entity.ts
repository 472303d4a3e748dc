import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScoped } from '../../db/tenant-scope';
import { Organization } from '../organizations/entities.api';
import { Role } from '../../auth/role';

@Entity({ tableName: 'users' })
@Unique({ properties: ['organization', 'email'] })
@TenantScoped()
@ObjectType()
export class User {
  [OptionalProps]?: 'role' | 'canManageApiCredentials' | 'active' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** Stored lower-cased, so uniqueness and login are case-insensitive. */
  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role: Role = Role.TEAM_MEMBER;

  @Field({ description: 'Lets an ADMIN manage API credentials (Super Admins always can).' })
  @Property()
  canManageApiCredentials: boolean = false;

  /** scrypt hash; deliberately has no @Field, so no schema can expose it. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Field()
  @Property()
  active: boolean = true;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
