import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs, toConnection } from '../../graphql/connection';
import { type GraphQLContext, scopeOf } from '../../graphql/context';
import { HumansOnly } from '../../graphql/permissions';
import { User } from '../users';
import { ApiCredential, CredentialStatus, statusOf } from './credential.entity';
import { ApiCredentialFilterInput, CreateApiCredentialInput, UpdateApiCredentialInput } from './credential.inputs';
import { logoUrl, usersById } from './credential.loaders';
import type { UsageRecorder } from '../../auth/usage-recorder';
import type { CredentialService } from './credential.service';
import type { CredentialUsageService } from './credential-usage.service';

@ObjectType()
export class ApiCredentialConnection extends Connection(ApiCredential) {}

@ObjectType()
export class CreateApiCredentialPayload {
  @Field(() => ApiCredential)
  credential!: ApiCredential;

  @Field({ description: 'The secret, shown this once. Store it now: it cannot be read again.' })
  secret!: string;
}

@ObjectType()
export class RotateApiCredentialPayload {
  @Field(() => ApiCredential)
  credential!: ApiCredential;

  @Field({ description: 'The new secret, shown this once.' })
  secret!: string;
}

@ArgsType()
class ApiCredentialsArgs extends PageArgs {
  @Field(() => ApiCredentialFilterInput, { nullable: true })
  filter?: ApiCredentialFilterInput | null;
}

/** Credential management: humans only (a Super Admin or a user with canManageApiCredentials); keys never. */
@Resolver(() => ApiCredential)
export class CredentialResolver {
  constructor(
    private readonly credentials: CredentialService,
    private readonly keyUsage: CredentialUsageService,
    /** Uses counted on this instance but not flushed yet. */
    private readonly pendingUses: UsageRecorder,
    private readonly publicUrl: string,
  ) {}

  @Query(() => ApiCredentialConnection, { nullable: true, description: 'Oldest first; the postings key included.' })
  @HumansOnly('credentialManager')
  async apiCredentials(@Args() args: ApiCredentialsArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await this.credentials.list(scopeOf(ctx), args.filter, args));
  }

  @Query(() => ApiCredential, { nullable: true })
  @HumansOnly('credentialManager')
  async apiCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.credentials.get(scopeOf(ctx), id).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'NOT_FOUND') return null;
      throw err;
    });
  }

  @Query(() => ApiCredential, { nullable: true })
  @HumansOnly('credentialManager')
  postingsApiCredential(@Ctx() ctx: GraphQLContext) {
    return this.credentials.postingsCredential(ctx.em);
  }

  @Mutation(() => CreateApiCredentialPayload)
  @HumansOnly('credentialManager')
  createApiCredential(@Arg('input') input: CreateApiCredentialInput, @Ctx() ctx: GraphQLContext) {
    return this.credentials.create(scopeOf(ctx), input);
  }

  @Mutation(() => ApiCredential, { description: 'Permission changes take effect on the next request; refused when the organization locks permissions.' })
  @HumansOnly('credentialManager')
  async updateApiCredential(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateApiCredentialInput,
    @Arg('expectedImpactHash', () => String, {
      nullable: true,
      description: 'The impactHash of previewApiCredentialPermissions the manager saw: CONFLICT if usage changed since; a save that breaks used calls is audited as credential.impact_accepted.',
    })
    expectedImpactHash: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    const guard = expectedImpactHash != null ? await this.keyUsage.updateGuard(scopeOf(ctx), expectedImpactHash, input) : undefined;
    return this.credentials.update(scopeOf(ctx), id, input, guard);
  }

  @Mutation(() => ApiCredential)
  @HumansOnly('credentialManager')
  revokeApiCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.credentials.setRevoked(scopeOf(ctx), id, true);
  }

  @Mutation(() => ApiCredential)
  @HumansOnly('credentialManager')
  reenableApiCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.credentials.setRevoked(scopeOf(ctx), id, false);
  }

  @Mutation(() => Boolean, { description: 'Permanent. The postings key cannot be deleted, only rotated.' })
  @HumansOnly('credentialManager')
  deleteApiCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.credentials.delete(scopeOf(ctx), id);
  }

  @Mutation(() => RotateApiCredentialPayload, { description: 'Issues a new secret. The old one works for previousSecretTtlSeconds more (0 to 604800).' })
  @HumansOnly('credentialManager')
  rotateApiCredential(
    @Arg('id', () => ID) id: string,
    @Arg('previousSecretTtlSeconds', () => Int, { defaultValue: 0 }) previousSecretTtlSeconds: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.credentials.rotate(scopeOf(ctx), id, previousSecretTtlSeconds);
  }

  @Mutation(() => ApiCredential, { description: 'A staged PNG upload under 500 KB (POST /uploads, purpose=LOGO).' })
  @HumansOnly('credentialManager')
  setApiCredentialLogo(@Arg('id', () => ID) id: string, @Arg('uploadId', () => ID) uploadId: string, @Ctx() ctx: GraphQLContext) {
    return this.credentials.setLogo(scopeOf(ctx), id, uploadId);
  }

  @Mutation(() => String, { description: 'The organization\'s postings key (jgp_…). Audited, hence a mutation.' })
  @HumansOnly('credentialManager')
  revealPostingsApiKey(@Ctx() ctx: GraphQLContext) {
    return this.credentials.revealPostingsKey(scopeOf(ctx));
  }

  @FieldResolver(() => CredentialStatus)
  status(@Root() credential: ApiCredential): CredentialStatus {
    return statusOf(credential);
  }

  @FieldResolver(() => [String], { description: 'The effective grant: for fullAccess keys, every operation up to the key\'s catalog version.' })
  operations(@Root() credential: ApiCredential): string[] {
    return this.credentials.effectiveOperations(credential);
  }

  @FieldResolver(() => Int, { description: 'Approximate: includes uses not yet flushed on this instance.' })
  useCount(@Root() credential: ApiCredential): number {
    return credential.useCount + this.pendingUses.pendingCount(credential.id);
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() credential: ApiCredential, @Ctx() ctx: GraphQLContext): Promise<User | null> | null {
    return credential.createdBy ? usersById(ctx).load(credential.createdBy) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  logoUrl(@Root() credential: ApiCredential): string | null {
    return logoUrl(this.publicUrl, credential.id, credential.logoFileId);
  }
}
