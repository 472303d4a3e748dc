import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf } from '../../graphql/context';
import { HumansOnly, Requires } from '../../graphql/permissions';
import { Organization } from './organization.entity';
import { UpdateOrganizationSettingsInput } from './organization.inputs';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  @Requires('organization.read')
  organization(@Ctx() ctx: GraphQLContext) {
    return ctx.em.findOneOrFail(Organization, { id: principalOf(ctx).organizationId });
  }

  @Mutation(() => Organization)
  @HumansOnly('superAdmin')
  updateOrganizationSettings(@Arg('input') input: UpdateOrganizationSettingsInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.organizations.updateSettings({ em: ctx.em, principal: principalOf(ctx), meta: ctx.meta }, input);
  }
}
