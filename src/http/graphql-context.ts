import type { FastifyReply, FastifyRequest } from 'fastify';
import { setRequestScope } from '../db/request-scope';
import type { GraphQLContext } from '../graphql/context';
import type { HttpServices } from './http-services';
import { requestMeta } from './request-meta';
import { browserSessionFor } from './session-cookie';

/**
 * The GraphQL context reads the caller that the principal hook resolved; the
 * surface gate (graphql-gate.ts) has already refused a wrong or failed credential,
 * so nothing here can fail.
 */
export function graphqlContextFactory(services: HttpServices) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
    const principal = request.principal;
    const em = services.orm.em.fork();
    if (principal) {
      const reader = principal.kind === 'DATA_KEY' ? principal.credentialId : undefined;
      setRequestScope(em, { organizationId: principal.organizationId, allowConfidential: principal.allowConfidential, reader });
    }
    return {
      em,
      principal,
      meta: requestMeta(request),
      browserSession: browserSessionFor(request, reply, services.config.publicUrl),
      services,
      loaders: new Map(),
    };
  };
}
