import type { ContainerType, NonEmptyArray } from 'type-graphql';
import type { Services } from './services';

/** Builds one resolver from the instance's services, passing it exactly what its constructor declares. */
export type ResolverFactory = (services: Services) => object;
/** A resolver class and how to build it. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverEntry = readonly [resolver: Function, create: ResolverFactory];

/** The classes of a list of entries, for buildSchema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function resolverClasses(entries: readonly ResolverEntry[]): NonEmptyArray<Function> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  return entries.map(([resolver]) => resolver) as NonEmptyArray<Function>;
}

/**
 * type-graphql's container for one instance (its `examples/using-scoped-container`,
 * without a DI library): the schema is built once per process, and each request's
 * context carries the container of the instance that serves it, so resolvers get
 * their services through their constructors instead of reading a bag off the
 * context. Resolvers hold no request state, so each is built once per instance,
 * on first use.
 */
export class ResolverContainer implements ContainerType {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  private readonly factories: Map<Function, ResolverFactory>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  private readonly built = new Map<Function, object>();

  constructor(
    private readonly services: Services,
    entries: readonly ResolverEntry[],
  ) {
    this.factories = new Map(entries);
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  get(resolver: Function): object {
    let instance = this.built.get(resolver);
    if (!instance) {
      const create = this.factories.get(resolver);
      // A resolver class added to a schema without an entry here: fail loudly rather than build it without its services.
      if (!create) throw new Error(`no factory for resolver ${resolver.name}: add it to app/admin-resolvers.ts or app/public-resolvers.ts`);
      instance = create(this.services);
      this.built.set(resolver, instance);
    }
    return instance;
  }
}

// The GraphQL context's services slot carries the instance's container (http/graphql-context.ts puts the
// services it is given there); graphql/ stays module-free, as ContainerType is type-graphql's own.
declare module '../graphql/context' {
  interface ContextServices {
    resolvers: ContainerType;
  }
}
