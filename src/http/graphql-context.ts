import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLContext } from '../graphql/context';
import type { HttpServices } from './http-services';
import { scopeOfRequest } from './scope-hook';
import { browserSessionFor } from './session-cookie';

/**
 * The GraphQL context is the request scope the scope hook made (caller, fork, meta);
 * the surface gate (graphql-gate.ts) has already refused a wrong or failed credential,
 * so nothing here can fail.
 */
export function graphqlContextFactory(services: HttpServices) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
    const { em, principal, meta } = scopeOfRequest(request);
    return {
      em,
      principal,
      meta,
      browserSession: browserSessionFor(request, reply, services.config.publicUrl),
      services,
      loaders: new Map(),
    };
  };
}
