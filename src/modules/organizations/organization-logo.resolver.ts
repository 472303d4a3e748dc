import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf } from '../../graphql/context';
import { HumansOnly } from '../../graphql/permissions';
import { Organization } from './organization.entity';
import type { OrganizationLogoService } from './organization-logo.service';

@Resolver()
export class OrganizationLogoResolver {
  constructor(private readonly logos: OrganizationLogoService) {}

  @Mutation(() => Organization, {
    description: 'Sets the logo of the hosted career pages from a staged LOGO upload (a PNG under 500 KB); null removes it.',
  })
  @HumansOnly('superAdmin')
  setOrganizationLogo(@Arg('uploadId', () => ID, { nullable: true }) uploadId: string | null, @Ctx() ctx: GraphQLContext) {
    return this.logos.set({ em: ctx.em, principal: principalOf(ctx), meta: ctx.meta }, uploadId);
  }
}
