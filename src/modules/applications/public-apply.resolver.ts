import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { ApplicationInput } from './application.inputs';
import type { ApplyService } from './apply.service';

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
  ): Promise<ApplyPayload> {
    const applicationId = await this.intake.apply(scopeOf(ctx), { posting: postingId, input });
    return { applicationId };
  }
}
