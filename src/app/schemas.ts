import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync, type ResolverData } from 'type-graphql';
import { adminResolvers } from './admin-resolvers';
import { publicResolvers } from './public-resolvers';
import { authChecker } from '../graphql/auth-checker';
import { dateScalarsMap } from '../graphql/date-scalar';
import type { GraphQLContext } from '../graphql/context';

/** Each request's resolvers come from the container of the instance serving it (app/resolver-container.ts). */
const containerOf = ({ context }: ResolverData<GraphQLContext>) => context.services.resolvers;

let admin: GraphQLSchema | undefined;
let publicApi: GraphQLSchema | undefined;

/**
 * Schemas are pure values derived from code, built once per process (building
 * takes a while); they hold no connection or state: resolver instances, which hold
 * an instance's services, come from the request's container.
 */
export function adminSchema(): GraphQLSchema {
  admin ??= buildSchemaSync({
    resolvers: adminResolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: dateScalarsMap,
    container: containerOf,
  });
  return admin;
}

export function publicSchema(): GraphQLSchema {
  publicApi ??= buildSchemaSync({
    resolvers: publicResolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: dateScalarsMap,
    container: containerOf,
  });
  return publicApi;
}

/** Each committed SDL file and the schema it is printed from. */
export const schemaFiles: Record<string, () => GraphQLSchema> = {
  'admin.graphql': adminSchema,
  'public.graphql': publicSchema,
};
