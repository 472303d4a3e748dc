import { Field, ID, ObjectType } from 'type-graphql';

/**
 * The JSON values stored inside an application (jsonb columns), exposed as-is
 * on the admin API. Plain data: validated before they are written.
 */
@ObjectType()
export class ApplicationUrl {
  @Field(() => String, { nullable: true, description: 'E.g. "GitHub" or "Portfolio".' })
  label!: string | null;

  @Field({ description: 'An http(s) URL.' })
  url!: string;
}

@ObjectType()
export class ApplicationAnswer {
  @Field(() => ID, { description: "The posting question's id." })
  questionId!: string;

  @Field(() => String, { nullable: true, description: 'TEXT and TEXTAREA answers.' })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'SINGLE_SELECT (one) and MULTI_SELECT answers.' })
  choices?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'FILE answers: the stored file.' })
  fileId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'BOOLEAN answers.' })
  boolean?: boolean | null;
}

@ObjectType()
export class ApplicationConsent {
  @Field({ description: 'The candidate agreed to receive marketing messages.' })
  marketing!: boolean;

  @Field({ description: 'The candidate agreed that their data may be stored for future openings.' })
  store!: boolean;
}
