import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { AppError, ForbiddenError, HTTP_STATUS, UnauthenticatedError } from '../errors';
import { setRetryAfter } from './error-reply';
import { assertSanePersistedQuery, assertSaneVariables } from '../graphql/request-guard';

export type Surface = 'admin' | 'public';

/** Each API accepts its own kinds of principal; the wrong kind is refused before the body is read. */
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

/** The same body Apollo gives an error raised before execution, without running Apollo. */
function replyWithGraphQLError(reply: FastifyReply, error: AppError): FastifyReply {
  setRetryAfter(reply, error);
  return reply
    .status(HTTP_STATUS[error.code])
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] });
}

/**
 * `onRequest` of a GraphQL route: a failed credential, or one of the wrong kind, is
 * answered here, before Fastify reads the body, so an unauthenticated 1 MB document
 * costs neither a JSON parse nor a GraphQL parse.
 */
export function surfaceGate(surface: Surface) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      if (request.scope?.failure) throw request.scope.failure;
      assertSurface(surface, request.scope?.principal ?? null);
    } catch (err) {
      if (err instanceof AppError) return replyWithGraphQLError(reply, err);
      throw err;
    }
  };
}

/**
 * `preHandler` of a GraphQL route: variables too deep to handle safely, and persisted
 * queries Apollo would refuse without a code, are answered before anything walks them.
 */
export async function bodyGate(request: FastifyRequest, reply: FastifyReply) {
  try {
    const body = request.body as { query?: unknown; variables?: unknown; extensions?: unknown } | null | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return;
    assertSaneVariables(body.variables);
    assertSanePersistedQuery(body.query, body.extensions);
  } catch (err) {
    if (err instanceof AppError) return replyWithGraphQLError(reply, err);
    throw err;
  }
}
