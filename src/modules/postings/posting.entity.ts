import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ConfidentialHidden } from '../../db/confidential-scope';
import { TenantScoped } from '../../db/tenant-scope';
import { ActorRef } from '../audit/entities.api';
import { Organization } from '../organizations/entities.api';
import { PostingState, WorkplaceType } from './posting-enums';
import { PostingListSection, PostingLocation, PostingQuestion, SalaryRange } from './posting-values';

/**
 * The full-text document: title first, then team and locations, then the text.
 * A generated column, so every writer (the service, the seeder, raw SQL) keeps it
 * right without remembering to. `to_tsvector(regconfig, jsonb)` indexes every
 * string inside `locations` (name, city, region, country code) and, unlike
 * array_to_string, is immutable, which a generated column requires. Written the
 * way PostgreSQL prints it back, so the schema diff stays empty.
 */
export const SEARCH_VECTOR_SQL =
  "(((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::\"char\") || " +
  "setweight(to_tsvector('english'::regconfig, COALESCE(team, ''::text)), 'B'::\"char\")) || " +
  "setweight(to_tsvector('english'::regconfig, locations), 'B'::\"char\")) || " +
  "setweight(to_tsvector('english'::regconfig, ((COALESCE(opening_plain, ''::text) || ' '::text) || COALESCE(description_plain, ''::text))), 'C'::\"char\")) stored";

/**
 * A job posting. The admin schema exposes this class directly; the public schema
 * uses its own `PublicPosting` shape, which has no state, confidentiality or author.
 * Indexes for the public API's keyset pages, full-text search and location filter
 * are written by hand in the migration (partial, GIN).
 */
@Entity({ tableName: 'postings' })
@Index({ properties: ['organization', 'state'] })
// Keyset pages of the public API (NEWEST/OLDEST walk it in either direction), and TITLE order.
@Index({
  name: 'postings_published_newest_index',
  expression: `create index "postings_published_newest_index" on "postings" ("organization_id", "published_at" desc, "id" desc) where state = 'PUBLISHED'`,
})
@Index({
  name: 'postings_published_title_index',
  expression: `create index "postings_published_title_index" on "postings" ("organization_id", lower("title"), "id") where state = 'PUBLISHED'`,
})
// The feed's validators: the newest edit and the latest passed expiry among published, non-confidential postings, each one index probe.
@Index({
  name: 'postings_public_updated_index',
  expression: `create index "postings_public_updated_index" on "postings" ("organization_id", "updated_at") where state = 'PUBLISHED' and confidential = false`,
})
@Index({
  name: 'postings_public_expires_index',
  expression: `create index "postings_public_expires_index" on "postings" ("organization_id", "expires_at") where state = 'PUBLISHED' and confidential = false and expires_at is not null`,
})
// Team / department filters: the filtered page walks newest-first within the value, and the filtered count reads only matching rows.
@Index({
  name: 'postings_public_team_index',
  expression: `create index "postings_public_team_index" on "postings" ("organization_id", lower("team"), "published_at" desc, "id" desc) where state = 'PUBLISHED' and confidential = false`,
})
@Index({
  name: 'postings_public_department_index',
  expression: `create index "postings_public_department_index" on "postings" ("organization_id", lower("department"), "published_at" desc, "id" desc) where state = 'PUBLISHED' and confidential = false`,
})
// The expiry sweep and the counts' read-time correction: counted postings with an expiry, each a short range scan.
@Index({
  name: 'postings_counted_expires_index',
  expression: `create index "postings_counted_expires_index" on "postings" ("organization_id", "expires_at") where counted and expires_at is not null`,
})
@Index({ name: 'postings_search_vector_index', expression: `create index "postings_search_vector_index" on "postings" using gin ("search_vector")` })
@Index({ name: 'postings_location_names_index', expression: `create index "postings_location_names_index" on "postings" using gin ("location_names")` })
@TenantScoped()
@ConfidentialHidden()
@ObjectType('Posting')
export class Posting {
  [OptionalProps]?:
    | 'state'
    | 'confidential'
    | 'requisitionCode'
    | 'team'
    | 'department'
    | 'commitment'
    | 'level'
    | 'workplaceType'
    | 'locationNames'
    | 'country'
    | 'openingHtml'
    | 'openingPlain'
    | 'descriptionHtml'
    | 'descriptionPlain'
    | 'additionalHtml'
    | 'additionalPlain'
    | 'lists'
    | 'salaryRange'
    | 'salaryDescription'
    | 'questions'
    | 'expiresAt'
    | 'publishedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'boardId'
    | 'searchVector';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => PostingState)
  @Enum({ items: () => PostingState })
  state: PostingState = PostingState.DRAFT;

  @Field({ description: 'Hidden from TEAM_MEMBERs, from keys without allowConfidential, and from the public API.' })
  @Property()
  confidential: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requisitionCode: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  team: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  department: string | null = null;

  @Field(() => String, { nullable: true, description: 'E.g. Full-time.' })
  @Property({ type: 'text', nullable: true })
  commitment: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  level: string | null = null;

  @Field(() => WorkplaceType)
  @Enum({ items: () => WorkplaceType })
  workplaceType: WorkplaceType = WorkplaceType.UNSPECIFIED;

  @Field(() => [PostingLocation], { description: 'One or more; the first is the primary location.' })
  @Property({ type: 'json' })
  locations: PostingLocation[] = [];

  /** Lower-cased location names, denormalized from `locations` for an indexed (GIN) filter. */
  @Property({ type: 'text[]' })
  locationNames: string[] = [];

  /** The primary location's country code, denormalized for filtering and facets. */
  @Field(() => String, { nullable: true, description: "The primary location's country (ISO 3166-1 alpha-2)." })
  @Property({ type: 'text', nullable: true })
  country: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  openingHtml: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  openingPlain: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  descriptionHtml: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  descriptionPlain: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  additionalHtml: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  additionalPlain: string | null = null;

  @Field(() => [PostingListSection])
  @Property({ type: 'json' })
  lists: PostingListSection[] = [];

  @Field(() => SalaryRange, { nullable: true })
  @Property({ type: 'json', nullable: true })
  salaryRange: SalaryRange | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  salaryDescription: string | null = null;

  @Field(() => [PostingQuestion])
  @Property({ type: 'json' })
  questions: PostingQuestion[] = [];

  @Field(() => Date, { nullable: true, description: 'After this instant the posting is no longer public.' })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Set the first time the posting is published, never changed after.' })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /**
   * The integer id of the Greenhouse-compatible Job Board API, from a database
   * sequence: stable for the posting's life and never reused (not even after a delete).
   */
  @Property({ type: 'bigint', autoincrement: true, unique: true })
  boardId?: string;

  @Field(() => ActorRef)
  @Embedded(() => ActorRef, { prefix: 'created_by_' })
  createdBy!: ActorRef;

  /** Generated by PostgreSQL (see SEARCH_VECTOR_SQL); never read by the app, only matched in SQL. */
  @Property({ type: 'tsvector', columnType: 'tsvector', generated: SEARCH_VECTOR_SQL, lazy: true, hidden: true, nullable: true })
  searchVector?: string;

  /**
   * Whether this posting is in `posting_counts` right now. Set by a BEFORE trigger
   * on every insert and update (see the posting_counts migration), never by the app;
   * an expired posting stays counted until the expiry sweep, which is what lets the
   * read correct for exactly those rows.
   */
  @Property({ type: 'boolean', default: false, lazy: true, hidden: true })
  counted?: boolean;
}
