import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { WorkplaceType } from './posting-enums';
import { PostingListSection, PostingLocation, PostingQuestion, SalaryRange } from './posting-values';

/*
 * The public schema's own classes. They reuse the admin names (`Posting`,
 * `PostingConnection`, …) because the public schema is built separately and only
 * reaches these; the admin schema never references them. No state, confidential
 * flag or author exists here, so none can leak.

 * `simpleResolvers`: every field here is a property read, with no @Authorized rule
 * and no middleware, so type-graphql's per-field wrapper would do nothing but
 * allocate once per field and row; without it the compiled execution reads the
 * property inline.
 */

export enum PostingOrder {
  /** publishedAt descending. */
  NEWEST = 'NEWEST',
  /** publishedAt ascending. */
  OLDEST = 'OLDEST',
  /** Title, case-insensitively. */
  TITLE = 'TITLE',
}
registerEnumType(PostingOrder, { name: 'PostingOrder' });

@ObjectType('Posting', { description: 'A published job posting.', simpleResolvers: true })
export class PublicPosting {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  team!: string | null;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => String, { nullable: true })
  commitment!: string | null;

  @Field(() => String, { nullable: true })
  level!: string | null;

  @Field(() => WorkplaceType)
  workplaceType!: WorkplaceType;

  @Field(() => [PostingLocation], { description: 'The first is the primary location.' })
  locations!: PostingLocation[];

  @Field(() => String, { nullable: true, description: "The primary location's country (ISO 3166-1 alpha-2)." })
  country!: string | null;

  @Field(() => String, { nullable: true })
  openingHtml!: string | null;

  @Field(() => String, { nullable: true })
  openingPlain!: string | null;

  @Field(() => String, { nullable: true })
  descriptionHtml!: string | null;

  @Field(() => String, { nullable: true })
  descriptionPlain!: string | null;

  @Field(() => String, { nullable: true })
  additionalHtml!: string | null;

  @Field(() => String, { nullable: true })
  additionalPlain!: string | null;

  @Field(() => [PostingListSection])
  lists!: PostingListSection[];

  @Field(() => SalaryRange, { nullable: true })
  salaryRange!: SalaryRange | null;

  @Field(() => String, { nullable: true })
  salaryDescription!: string | null;

  @Field(() => [PostingQuestion])
  questions!: PostingQuestion[];

  @Field()
  hostedUrl!: string;

  @Field()
  applyUrl!: string;

  @Field()
  publishedAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType('PostingEdge', { simpleResolvers: true })
export class PublicPostingEdge {
  @Field()
  cursor!: string;

  @Field(() => PublicPosting)
  node!: PublicPosting;
}

@ObjectType({ simpleResolvers: true })
export class FacetValue {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

/** Each facet counts postings matching every active filter except its own. */
@ObjectType({ simpleResolvers: true })
export class PostingFacets {
  @Field(() => [FacetValue])
  teams!: FacetValue[];

  @Field(() => [FacetValue])
  departments!: FacetValue[];

  @Field(() => [FacetValue])
  locations!: FacetValue[];

  @Field(() => [FacetValue])
  commitments!: FacetValue[];

  @Field(() => [FacetValue])
  levels!: FacetValue[];

  @Field(() => [FacetValue])
  workplaceTypes!: FacetValue[];

  @Field(() => [FacetValue])
  countries!: FacetValue[];
}

@ObjectType('PostingConnection', { simpleResolvers: true })
export class PublicPostingConnection {
  @Field(() => [PublicPostingEdge])
  edges!: PublicPostingEdge[];

  @Field(() => [PublicPosting])
  nodes!: PublicPosting[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Postings matching the filter, on every page.' })
  totalCount!: number;

  @Field(() => PostingFacets)
  facets!: PostingFacets;
}

@InputType('PostingFilter', { description: 'Values within a field are ORed; fields are ANDed. Category matches are exact and case-insensitive.' })
export class PublicPostingFilter {
  @Field(() => [String], { nullable: true })
  teams?: string[] | null;

  @Field(() => [String], { nullable: true })
  departments?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Matches any of a posting's locations, by name." })
  locations?: string[] | null;

  @Field(() => [String], { nullable: true })
  commitments?: string[] | null;

  @Field(() => [String], { nullable: true })
  levels?: string[] | null;

  @Field(() => [WorkplaceType], { nullable: true })
  workplaceTypes?: WorkplaceType[] | null;

  @Field(() => [String], { nullable: true, description: "ISO 3166-1 alpha-2 codes of the primary location's country." })
  countries?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Full-text search in web-search syntax ("quoted phrases", -exclusions, or).' })
  search?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only postings published after this instant.' })
  postedAfter?: Date | null;
}
