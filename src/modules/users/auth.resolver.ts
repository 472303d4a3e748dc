import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { principalOf } from '../../graphql/context';
import { HumansOnly, Public } from '../../graphql/permissions';
import { recordAudit } from '../audit';
import { User } from './user.entity';
import type { LoginService } from './login.service';
import type { SessionService } from './session.service';

@ObjectType()
export class LoginPayload {
  @Field({ description: 'The session token (jgs_…). Send it as `Authorization: Bearer <token>`. Shown once.' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionService,
  ) {}

  @Mutation(() => LoginPayload, {
    description: 'Starts a session and returns its token. A browser that sends x-jobgate-csrf (the console) also gets it as an HttpOnly cookie.',
  })
  @Public()
  async login(
    @Arg('organizationSlug') organizationSlug: string,
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const result = await this.logins.login(organizationSlug, email, password, ctx.meta);
    ctx.browserSession.started(result.token);
    return result;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (and clears the console\'s session cookie).' })
  @HumansOnly('anyUser')
  async logout(@Ctx() ctx: GraphQLContext) {
    const principal = principalOf(ctx);
    await this.sessions.end(principal.sessionId!);
    recordAudit(ctx.em, principal.organizationId, principal, ctx.meta, {
      action: 'session.ended',
      targetType: 'User',
      targetId: principal.userId,
    });
    await ctx.em.flush();
    ctx.browserSession.ended();
    return true;
  }

  @Query(() => User, { nullable: true })
  @HumansOnly('anyUser')
  me(@Ctx() ctx: GraphQLContext) {
    return ctx.em.findOneOrFail(User, { id: principalOf(ctx).userId });
  }
}
