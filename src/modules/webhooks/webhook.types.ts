import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/connection';

export enum WebhookEndpointStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookEndpointStatus, { name: 'WebhookEndpointStatus' });

export enum WebhookMessageStatus {
  PENDING = 'PENDING',
  DELIVERING = 'DELIVERING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  /** The endpoint's owner can no longer read what the message carries (key narrowed, revoked, user deactivated). */
  SUPPRESSED = 'SUPPRESSED',
}
registerEnumType(WebhookMessageStatus, { name: 'WebhookMessageStatus' });

@ObjectType()
export class WebhookEventTypeInfo {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field({ description: 'The catalog operation a subscriber must hold.' })
  permission!: string;

  @Field({ description: 'postings, applications or credentials: the console groups by it.' })
  group!: string;
}

@ObjectType('WebhookEndpoint')
export class WebhookEndpointView {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [String])
  eventTypes!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  allowConfidential!: boolean;

  @Field(() => WebhookEndpointStatus)
  status!: WebhookEndpointStatus;

  @Field(() => String, { nullable: true, description: 'Why it was disabled: by hand, 410 Gone, or failing for 5 days.' })
  disabledReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'Every delivery has failed since then; disabled after 5 days.' })
  failingSince!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Deliveries are also signed with the previous secret until then.' })
  previousSecretExpiresAt!: Date | null;

  @Field(() => String, { description: 'KEY or USER: the principal whose current reach bounds what this endpoint receives.' })
  ownerKind!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class WebhookEndpointConnection extends Connection(WebhookEndpointView, 'WebhookEndpoint') {}

@ObjectType()
export class WebhookEndpointWithSecret {
  @Field({ description: 'whsec_…: shown this once. Verify deliveries with it (Standard Webhooks).' })
  secret!: string;

  @Field(() => WebhookEndpointView)
  endpoint!: WebhookEndpointView;
}

@ObjectType()
export class WebhookAttempt {
  @Field()
  at!: Date;

  @Field(() => Int, { nullable: true })
  statusCode!: number | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'The first kilobyte of the receiver\'s answer.' })
  responseExcerpt!: string | null;
}

@ObjectType()
export class WebhookMessage {
  @Field(() => ID, { description: 'The webhook-id header, the same on every attempt and redelivery.' })
  id!: string;

  @Field()
  eventType!: string;

  @Field()
  createdAt!: Date;

  @Field(() => WebhookMessageStatus)
  status!: WebhookMessageStatus;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => [WebhookAttempt])
  attempts!: WebhookAttempt[];
}

@ObjectType()
export class WebhookMessageConnection extends Connection(WebhookMessage) {}

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'https, resolving to public addresses only.' })
  url!: string;

  @Field(() => [String], { description: 'Names from webhookEventTypes; each needs its permission.' })
  eventTypes!: string[];

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  description?: string | null;

  @Field({ defaultValue: false, description: 'Receive confidential postings and their applications; needs confidential access.' })
  allowConfidential: boolean = false;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  allowConfidential?: boolean | null;
}
