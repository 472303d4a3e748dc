import type { FastifyRequest } from 'fastify';
import { AppError, ForbiddenError, UnauthenticatedError } from '../errors';
import { setRequestFilters } from '../db/request-filters';
import type { GraphQLContext } from '../graphql/context';
import { toGraphQLError } from '../graphql/to-graphql-error';
import type { Principal } from '../auth/principal';
import type { HttpServices } from './http-services';
import { requestMeta } from './request-meta';
import { recalledPrincipal, rememberPrincipal } from './request-principal';

export type Surface = 'admin' | 'public';

/** Each API accepts its own kinds of principal; the wrong kind is refused before any resolver runs. */
function assertSurface(surface: Surface, principal: Principal | null): void {
  if (!principal) {
    // The admin API has one public operation (login), so its resolvers decide; the public API needs the key for everything.
    if (surface === 'public') throw new UnauthenticatedError('The public API needs the organization\'s postings key (Authorization: Bearer jgp_…)');
    return;
  }
  if (surface === 'admin' && principal.kind === 'POSTINGS_KEY') {
    throw new ForbiddenError('postings keys only work on the public API (POST /public/graphql)');
  }
  if (surface === 'public' && principal.kind !== 'POSTINGS_KEY') {
    throw new ForbiddenError('the public API takes the organization\'s postings key (jgp_…), not a data key or session');
  }
}

export function graphqlContextFactory(services: HttpServices, surface: Surface) {
  return async (request: FastifyRequest): Promise<GraphQLContext> => {
    const meta = requestMeta(request);
    try {
      let principal = recalledPrincipal(request);
      if (principal === undefined) {
        principal = await services.authenticator.authenticate(meta);
        rememberPrincipal(request, principal);
      }
      assertSurface(surface, principal);
      const em = services.orm.em.fork();
      if (principal) setRequestFilters(em, principal);
      return { em, principal, meta, services, loaders: new Map() };
    } catch (err) {
      if (err instanceof AppError) throw toGraphQLError(err);
      throw err;
    }
  };
}
