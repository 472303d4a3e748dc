import { Args, ArgsType, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Connection, PageArgs, toConnection } from '../../graphql/connection';
import { Requires } from '../../graphql/permissions';
import { AuditEvent } from './audit-event.entity';
import { AuditEventFilterInput } from './audit.inputs';
import { listAuditEvents } from './audit.service';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}

@ArgsType()
class AuditEventArgs extends PageArgs {
  @Field(() => AuditEventFilterInput, { nullable: true })
  filter?: AuditEventFilterInput | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { nullable: true, description: 'Newest first.' })
  @Requires('auditEvents.list')
  async auditEvents(@Args() args: AuditEventArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listAuditEvents(ctx.em, args.filter, args));
  }
}
