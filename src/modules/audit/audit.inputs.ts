import { Field, InputType } from 'type-graphql';

/** The SDL keeps the name `AuditEventFilter`; the TS name says it is an input, not a MikroORM filter. */
@InputType('AuditEventFilter')
export class AuditEventFilterInput {
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
