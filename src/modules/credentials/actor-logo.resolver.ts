import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ActorRef, ActorType } from '../audit';
import { logoFileIds, logoUrl } from './credential.loaders';

/** `Actor.logoUrl`: the creating key's logo next to objects it created (batched per request). */
@Resolver(() => ActorRef)
export class ActorLogoResolver {
  constructor(private readonly publicUrl: string) {}

  @FieldResolver(() => String, { nullable: true, description: 'The API key\'s logo when an API key is the actor.' })
  async logoUrl(@Root() actor: ActorRef, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (actor.type !== ActorType.API_CREDENTIAL || !actor.id) return null;
    const fileId = await logoFileIds(ctx).load(actor.id);
    return logoUrl(this.publicUrl, actor.id, fileId);
  }
}
