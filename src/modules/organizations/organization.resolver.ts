import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf } from '../../graphql/context';
import { HumansOnly, Requires } from '../../graphql/permissions';
import { Organization } from './organization.entity';
import { UpdateOrganizationSettingsInput } from './organization.inputs';
import type { OrganizationService } from './organization.service';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @Query(() => Organization, { nullable: true })
  @Requires('organization.read')
  organization(@Ctx() ctx: GraphQLContext) {
    return ctx.em.findOneOrFail(Organization, { id: principalOf(ctx).organizationId });
  }

  @Mutation(() => Organization)
  @HumansOnly('superAdmin')
  updateOrganizationSettings(@Arg('input') input: UpdateOrganizationSettingsInput, @Ctx() ctx: GraphQLContext) {
    return this.organizations.updateSettings({ em: ctx.em, principal: principalOf(ctx), meta: ctx.meta }, input);
  }
}
