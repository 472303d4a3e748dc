import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { ApplicationInput } from './application.inputs';
import type { ApplyService } from './apply.service';
import { EeoAnswersInput, type EeoAnswers } from '../eeo';

/** The GraphQL enums already checked each value; only the answers given are kept. */
function eeoOf(input: EeoAnswersInput | null | undefined): EeoAnswers | null {
  if (!input) return null;
  const answers: EeoAnswers = {};
  if (input.gender) answers.gender = input.gender;
  if (input.race) answers.race = input.race;
  if (input.veteran) answers.veteran = input.veteran;
  if (input.disability) answers.disability = input.disability;
  return answers;
}

@ObjectType()
export class ApplyPayload {
  @Field(() => ID)
  applicationId!: string;
}

/** The career-site apply (POST /public/graphql, postings key). */
@Resolver()
export class PublicApplyResolver {
  constructor(private readonly intake: ApplyService) {}

  @Mutation(() => ApplyPayload, {
    description:
      'Applies to a publicly visible posting (otherwise NOT_FOUND). Rate-limited per postings key and client IP. ' +
      'Send an Idempotency-Key header to make retries safe: the same key and input within 24 h return the same applicationId.',
  })
  async applyToPosting(
    @Arg('postingId', () => ID) postingId: string,
    @Arg('input') input: ApplicationInput,
    @Ctx() ctx: GraphQLContext,
    // An argument of its own, not a field of the input: EEO answers are never part of the application.
    @Arg('eeo', () => EeoAnswersInput, { nullable: true, description: 'Voluntary self-identification (when the organization asks it: organization.settings.eeoQuestions). Stored apart; hiring staff never see it.' })
    eeo?: EeoAnswersInput | null,
  ): Promise<ApplyPayload> {
    const applicationId = await this.intake.apply(scopeOf(ctx), { posting: postingId, input, eeo: eeoOf(eeo) });
    return { applicationId };
  }
}
