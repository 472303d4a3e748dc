import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { Connection, PageArgs, toConnection } from '../../graphql/connection';
import { Requires } from '../../graphql/permissions';
import { Posting } from '../postings';
import { ApplicationFile } from './application-file.types';
import { Application } from './application.entity';
import { ApplicationFilter, ApplicationInput } from './application.inputs';
import { Candidate } from './candidate.entity';
import type { ApplyService } from './apply.service';
import type { ApplicationReviewService } from './application-review.service';

@ObjectType()
export class ApplicationConnection extends Connection(Application) {}

/**
 * Admin access to applications (POST /graphql). Relations load through MikroORM's
 * dataloader (`ref.load()`), so a page costs one query per relation, not per row.
 */
@Resolver(() => Application)
export class ApplicationResolver {
  constructor(
    private readonly review: ApplicationReviewService,
    private readonly intake: ApplyService,
  ) {}

  @Query(() => ApplicationConnection, { nullable: true, description: 'Newest first.' })
  @Requires('applications.list')
  async applications(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await this.review.list(scopeOf(ctx), filter, page));
  }

  @Query(() => Application, { nullable: true })
  @Requires('applications.read')
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.review.get(scopeOf(ctx), id).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'NOT_FOUND') return null;
      throw err;
    });
  }

  @Mutation(() => Application, { description: "Imports a candidate's application; the posting may be in any state. Honours Idempotency-Key." })
  @Requires('applications.create')
  async createApplication(@Arg('postingId', () => ID) postingId: string, @Arg('input') input: ApplicationInput, @Ctx() ctx: GraphQLContext) {
    const id = await this.intake.importApplication(scopeOf(ctx), postingId, input);
    return this.review.get(scopeOf(ctx), id);
  }

  @Mutation(() => Application, { description: 'Archiving an archived application updates its reason.' })
  @Requires('applications.remove')
  archiveApplication(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: GraphQLContext) {
    return this.review.archive(scopeOf(ctx), id, reason);
  }

  @Mutation(() => Application)
  @Requires('applications.reactivate')
  reactivateApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.review.reactivate(scopeOf(ctx), id);
  }

  @FieldResolver(() => Posting, { nullable: true, description: "The posting applied to. Never null in practice: an application whose posting you may not see is hidden along with it." })
  async posting(@Root() application: Application): Promise<Posting | null> {
    return (await application.posting.load()) ?? null;
  }

  @FieldResolver(() => Candidate)
  candidate(@Root() application: Application): Promise<Candidate> {
    return application.candidate.loadOrFail();
  }

  @FieldResolver(() => ApplicationFile, { nullable: true })
  async resume(@Root() application: Application): Promise<ApplicationFile | null> {
    const file = await application.resume?.load();
    return file ? ApplicationFile.from(file) : null;
  }
}
