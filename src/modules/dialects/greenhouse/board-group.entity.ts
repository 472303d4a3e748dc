import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { TenantScoped } from '../../../db/tenant-scope';
import { Organization } from '../../organizations/entities.api';

/**
 * The integer id a Greenhouse-style department or office has on the Job Board
 * API. Jobgate keeps departments, teams and locations as text on postings, so
 * each distinct name gets a row here the first time the board shows it: the id
 * comes from a sequence, stays with that name for good and is never reused.
 * `key` is the kind-specific, case-insensitive identity ("d:r&d", "t:engineering",
 * "o:berlin"); `name` is the spelling shown.
 */
@Entity({ tableName: 'board_groups' })
@Unique({ properties: ['organization', 'key'] })
@TenantScoped()
export class BoardGroup {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
