import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Organization } from '../organizations/entities.api';
import { User } from './user.entity';

/**
 * A signed-in user's session. Looked up by the hash of its token before any tenant
 * is known, so it carries no tenant filter; the token itself is never stored.
 */
@Entity({ tableName: 'sessions' })
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt' | 'ip' | 'userAgent';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  @Index()
  user!: Ref<User>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Idle expiry: pushed forward on use, never past `absoluteExpiresAt`. */
  @Property({ type: 'timestamptz' })
  @Index({ name: 'sessions_expires_at_index' }) // housekeeping deletes expired sessions
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  absoluteExpiresAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}
