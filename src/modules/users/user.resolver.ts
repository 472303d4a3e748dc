import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { grantsForRole } from '../../auth/role-grants';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { Connection, PageArgs, toConnection } from '../../graphql/connection';
import { Requires } from '../../graphql/permissions';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput } from './user.inputs';
import type { UserService } from './user.service';

@ObjectType()
export class UserConnection extends Connection(User) {}

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly userService: UserService) {}

  @Query(() => UserConnection, { nullable: true })
  @Requires('users.list')
  async users(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await this.userService.list(scopeOf(ctx), page));
  }

  @Query(() => User, { nullable: true })
  @Requires('users.read')
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.userService.get(scopeOf(ctx), id).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'NOT_FOUND') return null;
      throw err;
    });
  }

  @Mutation(() => User)
  @Requires('users.create')
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return this.userService.create(scopeOf(ctx), input);
  }

  @Mutation(() => User)
  @Requires('users.update')
  updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput, @Ctx() ctx: GraphQLContext) {
    return this.userService.update(scopeOf(ctx), id, input);
  }

  @Mutation(() => User)
  @Requires('users.deactivate')
  deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.userService.setActive(scopeOf(ctx), id, false);
  }

  @Mutation(() => User)
  @Requires('users.reactivate')
  reactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.userService.setActive(scopeOf(ctx), id, true);
  }

  // The console shows a control only when the API would allow it; it asks rather than copying the role rules.
  @FieldResolver(() => [String], { description: "Catalog operations this user's role grants (e.g. applications.erase), sorted." })
  operations(@Root() user: User): string[] {
    return [...grantsForRole(user.role)].sort();
  }
}
