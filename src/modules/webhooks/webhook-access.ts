import { Field, ObjectType } from 'type-graphql';
import type { Principal } from '../../auth/principal';
import { WEBHOOK_EVENT_TYPES } from './event-types';

const WEBHOOK_OPERATIONS = ['webhooks.list', 'webhooks.read', 'webhooks.create', 'webhooks.update', 'webhooks.delete'] as const;

/**
 * What the caller may do with webhooks, so the console shows only the screens, buttons and
 * event types the server would accept (the server still decides every call).
 */
@ObjectType()
export class WebhookAccess {
  @Field(() => [String], { description: 'The webhooks.* operations and the event types\' permissions the caller holds.' })
  operations!: string[];

  @Field({ description: 'Whether the caller may set allowConfidential on an endpoint.' })
  allowConfidential!: boolean;
}

export function webhookAccessOf(principal: Principal): WebhookAccess {
  const relevant = new Set<string>([...WEBHOOK_OPERATIONS, ...WEBHOOK_EVENT_TYPES.map((type) => type.permission)]);
  return { operations: [...relevant].filter((operation) => principal.grants.has(operation)), allowConfidential: principal.allowConfidential };
}
