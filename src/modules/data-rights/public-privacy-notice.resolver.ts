import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf } from '../../graphql/context';
import { PublicPosting } from '../postings';
import { PrivacyNotice } from './privacy-notice.entity';
import type { PrivacyNoticeService } from './privacy-notice.service';

/** The public posting shows the notice a candidate accepts by applying (the organization's current version). */
@Resolver(() => PublicPosting)
export class PublicPrivacyNoticeResolver {
  constructor(private readonly privacyNotices: PrivacyNoticeService) {}

  /** One read per request, however many postings a page selects it on. */
  private readonly perRequest = new WeakMap<GraphQLContext, Promise<PrivacyNotice | null>>();

  @FieldResolver(() => PrivacyNotice, { nullable: true, description: 'The privacy notice a candidate accepts by applying.' })
  privacyNotice(@Ctx() ctx: GraphQLContext): Promise<PrivacyNotice | null> {
    let notice = this.perRequest.get(ctx);
    if (!notice) {
      notice = this.privacyNotices.current(ctx.em, principalOf(ctx).organizationId);
      this.perRequest.set(ctx, notice);
    }
    return notice;
  }
}
