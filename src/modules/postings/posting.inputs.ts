import { Field, Float, ID, InputType } from 'type-graphql';
import { PostingState, QuestionKind, SalaryInterval, WorkplaceType } from './posting-enums';

@InputType()
export class PostingLocationInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. US.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;
}

@InputType()
export class SalaryRangeInput {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field({ description: 'ISO 4217, e.g. USD.' })
  currency!: string;

  @Field(() => SalaryInterval)
  interval!: SalaryInterval;
}

@InputType()
export class PostingListInput {
  @Field()
  title!: string;

  @Field({ description: 'HTML; sanitized on write.' })
  contentHtml!: string;
}

@InputType()
export class PostingQuestionInput {
  @Field(() => ID, { nullable: true, description: 'Kept when given (answers refer to it); generated when absent.' })
  id?: string | null;

  @Field()
  label!: string;

  @Field(() => QuestionKind)
  kind!: QuestionKind;

  @Field({ defaultValue: false })
  required: boolean = false;

  @Field(() => [String], { nullable: true, description: 'Required for SINGLE_SELECT and MULTI_SELECT, forbidden otherwise.' })
  options?: string[] | null;
}

/**
 * The editable fields of a posting. On update, an absent field is unchanged and
 * null clears it; on create, absent fields take their defaults.
 */
@InputType()
export class UpdatePostingInput {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  confidential?: boolean;

  @Field(() => String, { nullable: true })
  requisitionCode?: string | null;

  @Field(() => String, { nullable: true })
  team?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => String, { nullable: true })
  commitment?: string | null;

  @Field(() => String, { nullable: true })
  level?: string | null;

  @Field(() => WorkplaceType, { nullable: true })
  workplaceType?: WorkplaceType;

  @Field(() => [PostingLocationInput], { nullable: true, description: '1 to 50; the first is the primary location.' })
  locations?: PostingLocationInput[];

  @Field(() => String, { nullable: true })
  openingHtml?: string | null;

  @Field(() => String, { nullable: true })
  descriptionHtml?: string | null;

  @Field(() => String, { nullable: true })
  additionalHtml?: string | null;

  @Field(() => [PostingListInput], { nullable: true })
  lists?: PostingListInput[] | null;

  @Field(() => SalaryRangeInput, { nullable: true })
  salaryRange?: SalaryRangeInput | null;

  @Field(() => String, { nullable: true })
  salaryDescription?: string | null;

  @Field(() => [PostingQuestionInput], { nullable: true, description: 'At most 50.' })
  questions?: PostingQuestionInput[] | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

@InputType()
export class CreatePostingInput extends UpdatePostingInput {
  @Field()
  override title!: string;

  @Field(() => [PostingLocationInput], { description: '1 to 50; the first is the primary location.' })
  override locations!: PostingLocationInput[];

  @Field(() => PostingState, { nullable: true, description: 'Defaults to DRAFT.' })
  state?: PostingState;
}
