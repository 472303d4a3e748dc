import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Principal } from '../../auth/principal';
import { ActorType } from './audit-event.entity';

/**
 * Who created an object: a user, or an API key shown by its name (and logo, resolved
 * by the credentials module's `Actor.logoUrl` field resolver). Embedded on the
 * objects it attributes (postings, applications) as `created_by_*` columns.
 */
@Embeddable()
@ObjectType('Actor')
export class ActorRef {
  @Field(() => ActorType)
  @Enum({ items: () => ActorType })
  type!: ActorType;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  id: string | null = null;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The user a data key acted for (On-Behalf-Of header).' })
  @Property({ type: 'uuid', nullable: true })
  onBehalfOfUserId: string | null = null;
}

export function actorOf(principal: Principal | null): ActorRef {
  const actor = new ActorRef();
  if (!principal) {
    actor.type = ActorType.SYSTEM;
    actor.name = 'system';
    return actor;
  }
  actor.type = principal.kind === 'USER' ? ActorType.USER : ActorType.API_CREDENTIAL;
  actor.id = principal.userId ?? principal.credentialId ?? null;
  actor.name = principal.displayName;
  actor.onBehalfOfUserId = principal.onBehalfOfUserId ?? null;
  return actor;
}
