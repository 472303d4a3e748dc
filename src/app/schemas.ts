import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { adminResolvers } from './admin-resolvers';
import { publicResolvers } from './public-resolvers';
import { authChecker } from '../graphql/auth-checker';
import { dateScalarsMap } from '../graphql/date-scalar';

let admin: GraphQLSchema | undefined;
let publicApi: GraphQLSchema | undefined;

/**
 * Schemas are pure values derived from code, built once per process (building
 * takes a while); they hold no connection or state.
 */
export function adminSchema(): GraphQLSchema {
  admin ??= buildSchemaSync({
    resolvers: adminResolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: dateScalarsMap,
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
  });
  return publicApi;
}

/** Each committed SDL file and the schema it is printed from. */
export const schemaFiles: Record<string, () => GraphQLSchema> = {
  'admin.graphql': adminSchema,
  'public.graphql': publicSchema,
};
