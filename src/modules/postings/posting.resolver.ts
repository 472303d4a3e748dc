import { Arg, Args, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { Connection, PageArgs, toConnection } from '../../graphql/connection';
import { Requires } from '../../graphql/permissions';
import { AdminPostingFilterInput } from './admin-posting-criteria';
import { PostingState } from './posting-enums';
import { Posting } from './posting.entity';
import { CreatePostingInput, UpdatePostingInput } from './posting.inputs';
import type { PostingService } from './posting.service';

@ObjectType()
export class PostingConnection extends Connection(Posting) {}

/** Admin management of postings (POST /graphql). */
@Resolver(() => Posting)
export class PostingResolver {
  constructor(private readonly postingService: PostingService) {}

  @Query(() => PostingConnection, { nullable: true, description: 'Newest first.' })
  @Requires('postings.list')
  async postings(
    @Arg('filter', () => AdminPostingFilterInput, { nullable: true }) filter: AdminPostingFilterInput | null,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await this.postingService.list(scopeOf(ctx), filter, page));
  }

  @Query(() => Posting, { nullable: true })
  @Requires('postings.read')
  posting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.postingService.get(scopeOf(ctx), id).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'NOT_FOUND') return null;
      throw err;
    });
  }

  @Mutation(() => Posting)
  @Requires('postings.create')
  createPosting(@Arg('input') input: CreatePostingInput, @Ctx() ctx: GraphQLContext) {
    return this.postingService.create(scopeOf(ctx), input);
  }

  @Mutation(() => Posting)
  @Requires('postings.update')
  updatePosting(@Arg('id', () => ID) id: string, @Arg('input') input: UpdatePostingInput, @Ctx() ctx: GraphQLContext) {
    return this.postingService.update(scopeOf(ctx), id, input);
  }

  @Mutation(() => Posting, { description: 'Publishing sets publishedAt the first time only.' })
  @Requires('postings.update')
  setPostingState(@Arg('id', () => ID) id: string, @Arg('state', () => PostingState) state: PostingState, @Ctx() ctx: GraphQLContext) {
    return this.postingService.setState(scopeOf(ctx), id, state);
  }

  @Mutation(() => Boolean, { description: 'Only a posting without applications; otherwise CONFLICT (close it instead).' })
  @Requires('postings.delete')
  deletePosting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.postingService.delete(scopeOf(ctx), id);
  }
}
