import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type GraphQLContext, scopeOf } from '../../graphql/context';
import { HumansOnly } from '../../graphql/permissions';
import { ApiCredential } from './credential.entity';
import { ApiCredentialPermissionImpact, ApiCredentialPermissionSuggestion, ApiCredentialUsage } from './credential-usage.types';
import type { CredentialUsageService } from './credential-usage.service';

const SINCE = 'Start of the window; absent or older than 90 days means the last 90 days (what is kept).';

/** Least privilege from usage: humans who manage credentials only; keys never read or change keys. */
@Resolver()
export class CredentialUsageResolver {
  constructor(private readonly keyUsage: CredentialUsageService) {}

  @Query(() => ApiCredentialUsage, { description: 'Per operation: allowed and refused calls, first and last times, daily buckets.' })
  @HumansOnly('credentialManager')
  apiCredentialUsage(@Arg('id', () => ID) id: string, @Arg('since', () => Date, { nullable: true, description: SINCE }) since: Date | null, @Ctx() ctx: GraphQLContext) {
    return this.keyUsage.usage(scopeOf(ctx), id, since);
  }

  @Query(() => ApiCredentialPermissionImpact, { description: 'What saving this grant would break, without changing anything.' })
  @HumansOnly('credentialManager')
  previewApiCredentialPermissions(
    @Arg('id', () => ID) id: string,
    @Arg('operations', () => [String]) operations: string[],
    @Arg('fullAccess', { defaultValue: false }) fullAccess: boolean,
    @Arg('allowConfidential') allowConfidential: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.keyUsage.preview(scopeOf(ctx), id, { operations, fullAccess, allowConfidential });
  }

  @Query(() => ApiCredentialPermissionSuggestion, { description: 'The smallest grant covering every call made since `since`.' })
  @HumansOnly('credentialManager')
  suggestApiCredentialPermissions(@Arg('id', () => ID) id: string, @Arg('since', () => Date, { nullable: true, description: SINCE }) since: Date | null, @Ctx() ctx: GraphQLContext) {
    return this.keyUsage.suggest(scopeOf(ctx), id, since);
  }

  @Mutation(() => ApiCredential, { description: 'Applies suggestApiCredentialPermissions; CONFLICT if its impactHash changed. Audited as credential.narrowed.' })
  @HumansOnly('credentialManager')
  narrowApiCredential(
    @Arg('id', () => ID) id: string,
    @Arg('since', () => Date, { nullable: true, description: SINCE }) since: Date | null,
    @Arg('expectedImpactHash') expectedImpactHash: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.keyUsage.narrow(scopeOf(ctx), id, since, expectedImpactHash);
  }
}
