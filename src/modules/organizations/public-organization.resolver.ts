import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf } from '../../graphql/context';
import { Organization } from './organization.entity';

/** What a career site may know about the organization whose postings key it holds. */
@ObjectType({ simpleResolvers: true })
export class PublicOrganization {
  @Field()
  name!: string;

  @Field()
  slug!: string;

  @Field(() => String, { nullable: true })
  careersSiteUrl!: string | null;
}

@Resolver()
export class PublicOrganizationResolver {
  @Query(() => PublicOrganization, { nullable: true })
  async organization(@Ctx() ctx: GraphQLContext): Promise<PublicOrganization> {
    const org = await ctx.em.findOneOrFail(Organization, { id: principalOf(ctx).organizationId });
    return { name: org.name, slug: org.slug, careersSiteUrl: org.settings.careersSiteUrl };
  }
}
