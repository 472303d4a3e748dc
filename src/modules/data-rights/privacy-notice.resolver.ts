import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf, scopeOf } from '../../graphql/context';
import { HumansOnly, Requires } from '../../graphql/permissions';
import { Organization } from '../organizations/entities.api';
import { PrivacyNotice } from './privacy-notice.entity';
import type { PrivacyNoticeService } from './privacy-notice.service';

@InputType()
export class PublishPrivacyNoticeInput {
  @Field({ description: 'Plain text shown to candidates, at most 20 000 characters.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to the full policy.' })
  url?: string | null;
}

/** The admin side of privacy notices: publish a new version, list the versions, the current one on the organization. */
@Resolver(() => Organization)
export class PrivacyNoticeResolver {
  constructor(private readonly notices: PrivacyNoticeService) {}

  @Mutation(() => PrivacyNotice, { description: 'Publishes the next version of the privacy notice; applications from now on record it.' })
  @HumansOnly('superAdmin')
  publishPrivacyNotice(@Arg('input') input: PublishPrivacyNoticeInput, @Ctx() ctx: GraphQLContext) {
    return this.notices.publish(scopeOf(ctx), input);
  }

  @Query(() => [PrivacyNotice], { nullable: true, description: 'Every published version, newest first.' })
  @Requires('organization.read')
  privacyNotices(@Ctx() ctx: GraphQLContext) {
    return this.notices.list(ctx.em, principalOf(ctx).organizationId);
  }

  @FieldResolver(() => PrivacyNotice, { nullable: true, description: 'The current privacy notice (the highest version).' })
  privacyNotice(@Ctx() ctx: GraphQLContext) {
    return this.notices.current(ctx.em, principalOf(ctx).organizationId);
  }
}
