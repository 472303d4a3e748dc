import type { EntityManager } from '@mikro-orm/postgresql';
import type { OperationUsage } from '../auth/operation-usage';
import type { Principal, RequestMeta } from '../auth/principal';
import type { Scope } from '../auth/scope';

/**
 * The instance's services as resolvers see them. Only the auth checker's counter here,
 * so that graphql/ knows no module; the composition root (app/services.ts) fills in the
 * rest by declaration merging.
 */
export interface ContextServices {
  /** Per-key, per-operation allowed/refused counters (auth/operation-usage.ts), fed by the auth checker. */
  operationUsage: OperationUsage;
}

/** The browser side of a session: the console's HttpOnly cookie (http/session-cookie.ts). */
export interface BrowserSession {
  /** After a successful login: hands the token to a browser that asked for a cookie. */
  started(token: string): void;
  /** After logout: tells the browser to forget the cookie. */
  ended(): void;
}

/** Built once per request by http/graphql-context.ts. Nothing reaches the ORM any other way. */
export interface GraphQLContext {
  /** A fork of the ORM for this request only, with the tenant filter set from the principal. */
  em: EntityManager;
  principal: Principal | null;
  meta: RequestMeta;
  browserSession: BrowserSession;
  services: ContextServices;
  /** Per-request DataLoaders, created lazily by `loaderFor`. */
  loaders: Map<string, unknown>;
}

/** A principal is guaranteed inside resolvers guarded by @Requires/@HumansOnly. */
export function principalOf(ctx: GraphQLContext): Principal {
  if (!ctx.principal) throw new Error('principalOf called on an unauthenticated context');
  return ctx.principal;
}

/** The request as a service sees it (its fork, the caller, where from), for resolvers guarded by @Requires/@HumansOnly. */
export function scopeOf(ctx: GraphQLContext): Scope {
  return { em: ctx.em, principal: principalOf(ctx), meta: ctx.meta };
}

export function loaderFor<T>(ctx: GraphQLContext, key: string, create: () => T): T {
  let loader = ctx.loaders.get(key) as T | undefined;
  if (!loader) {
    loader = create();
    ctx.loaders.set(key, loader);
  }
  return loader;
}
