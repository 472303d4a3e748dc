import { Field, Float, ID, ObjectType } from 'type-graphql';
import { QuestionKind, SalaryInterval } from './posting-enums';

/**
 * The JSON values stored inside a posting (jsonb columns). They are plain data,
 * shared as-is by the admin and the public schema: neither holds anything the
 * public may not see.
 * public may not see. No field has a rule or middleware: `simpleResolvers` (see
 * public-posting.types.ts).
 */
@ObjectType({ simpleResolvers: true })
export class PostingLocation {
  @Field({ description: 'Display name, e.g. "San Francisco, CA".' })
  name!: string;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, upper case.' })
  countryCode!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PostingListSection {
  @Field()
  title!: string;

  @Field({ description: 'Sanitized HTML.' })
  contentHtml!: string;

  @Field({ description: 'Plain text derived from contentHtml.' })
  contentPlain!: string;
}

@ObjectType({ simpleResolvers: true })
export class SalaryRange {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field({ description: 'ISO 4217, e.g. USD.' })
  currency!: string;

  @Field(() => SalaryInterval)
  interval!: SalaryInterval;
}

@ObjectType({ simpleResolvers: true })
export class PostingQuestion {
  @Field(() => ID, { description: 'Stable within the posting; answers refer to it.' })
  id!: string;

  @Field()
  label!: string;

  @Field(() => QuestionKind)
  kind!: QuestionKind;

  @Field()
  required!: boolean;

  @Field(() => [String], { description: 'The choices of SINGLE_SELECT and MULTI_SELECT questions; empty otherwise.' })
  options!: string[];
}
