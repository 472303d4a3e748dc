import type { FilterQuery } from '@mikro-orm/core';
import { Args, ArgsType, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Connection, PageArgs, toConnection } from '../../graphql/connection';
import { paginate } from '../../db/paginate';
import { Requires } from '../../graphql/permissions';
import { assertUuid } from '../../ids';
import { AuditEvent } from './audit-event.entity';
import { escapeLike } from '../../db/escape-like';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "user.").' })
  action?: string | null;

  @Field(() => String, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  targetId?: string | null;

  @Field(() => Date, { nullable: true })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this instant (exclusive); with since, a date range.' })
  until?: Date | null;
}

@ArgsType()
class AuditEventArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  filter?: AuditEventFilter | null;
}

function where(filter: AuditEventFilter | null | undefined): FilterQuery<AuditEvent> {
  const query: FilterQuery<AuditEvent> & Record<string, unknown> = {};
  if (!filter) return query;
  if (filter.action) query.action = filter.action.endsWith('.') ? { $like: `${escapeLike(filter.action)}%` } : filter.action;
  if (filter.actorId) query.actorId = assertUuid('filter.actorId', filter.actorId);
  if (filter.targetId) query.targetId = filter.targetId;
  // A date range for the console's audit screen: since is inclusive, until exclusive.
  if (filter.since || filter.until) query.at = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
  return query;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { nullable: true, description: 'Newest first.' })
  @Requires('auditEvents.list')
  async auditEvents(@Args() args: AuditEventArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await paginate(ctx.em, AuditEvent, where(args.filter), args, { at: 'desc', id: 'desc' }));
  }
}
