import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toConnection } from '../../graphql/connection';
import { type GraphQLContext, principalOf, scopeOf } from '../../graphql/context';
import { HumansOnly, Requires } from '../../graphql/permissions';
import { WebhookAccess, webhookAccessOf } from './webhook-access';
import type { WebhookService } from './webhook.service';
import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookEndpointConnection,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
  WebhookEventTypeInfo,
  WebhookMessageConnection,
} from './webhook.types';

@ArgsType()
class WebhookMessagesArgs extends PageArgs {
  @Field(() => ID)
  endpointId!: string;
}

/** Webhook endpoints: organization objects any principal with the webhooks.* operations manages, within its own reach. */
@Resolver()
export class WebhookResolver {
  constructor(private readonly webhooks: WebhookService) {}

  // Any signed-in user may ask (a Team Member learns it holds none), so the console never probes with a refused call.
  @Query(() => WebhookAccess, { description: 'What the signed-in user may do with webhooks: the console shows only that.' })
  @HumansOnly('anyUser')
  webhookAccess(@Ctx() ctx: GraphQLContext) {
    return webhookAccessOf(principalOf(ctx));
  }

  @Query(() => [WebhookEventTypeInfo])
  @Requires('webhooks.list')
  webhookEventTypes() {
    return this.webhooks.eventTypes();
  }

  @Query(() => WebhookEndpointConnection, { description: 'Oldest first.' })
  @Requires('webhooks.list')
  async webhookEndpoints(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await this.webhooks.list(scopeOf(ctx), args.first, args.after));
  }

  @Query(() => WebhookEndpointView, { nullable: true })
  @Requires('webhooks.read')
  webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.get(scopeOf(ctx), id).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'NOT_FOUND') return null;
      throw err;
    });
  }

  @Query(() => WebhookMessageConnection, { description: 'Newest first: each message with its attempts.' })
  @Requires('webhooks.read')
  async webhookMessages(@Args() args: WebhookMessagesArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await this.webhooks.messages(scopeOf(ctx), args.endpointId, args.first, args.after));
  }

  @Mutation(() => WebhookEndpointWithSecret, { description: 'The secret is returned this once.' })
  @Requires('webhooks.create')
  createWebhookEndpoint(@Arg('input') input: CreateWebhookEndpointInput, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.create(scopeOf(ctx), input);
  }

  @Mutation(() => WebhookEndpointView)
  @Requires('webhooks.update')
  updateWebhookEndpoint(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateWebhookEndpointInput, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.update(scopeOf(ctx), id, input);
  }

  @Mutation(() => WebhookEndpointView)
  @Requires('webhooks.update')
  disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.setEnabled(scopeOf(ctx), id, false);
  }

  @Mutation(() => WebhookEndpointView)
  @Requires('webhooks.update')
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.setEnabled(scopeOf(ctx), id, true);
  }

  @Mutation(() => Boolean, { description: 'Permanent, with its message log.' })
  @Requires('webhooks.delete')
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.delete(scopeOf(ctx), id);
  }

  @Mutation(() => WebhookEndpointWithSecret, { description: 'A new secret, shown once; the old one also signs deliveries for previousSecretTtlSeconds more (0 to 604800).' })
  @Requires('webhooks.update')
  rotateWebhookEndpointSecret(
    @Arg('id', () => ID) id: string,
    @Arg('previousSecretTtlSeconds', () => Int, { defaultValue: 0 }) previousSecretTtlSeconds: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.webhooks.rotate(scopeOf(ctx), id, previousSecretTtlSeconds);
  }

  @Mutation(() => Boolean, { description: 'Sends the message again, with the same webhook-id.' })
  @Requires('webhooks.update')
  redeliverWebhookMessage(@Arg('endpointId', () => ID) endpointId: string, @Arg('messageId', () => ID) messageId: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.redeliver(scopeOf(ctx), endpointId, messageId);
  }

  @Mutation(() => ID, { description: 'A sample event (data: { test: true }) to this endpoint; returns the message id.' })
  @Requires('webhooks.update')
  sendTestWebhook(@Arg('endpointId', () => ID) endpointId: string, @Arg('eventType') eventType: string, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.sendTest(scopeOf(ctx), endpointId, eventType);
  }
}
