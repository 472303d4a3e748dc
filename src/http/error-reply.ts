import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, retryAfterOf } from '../errors';
import { outageLogFields, outageOf } from '../outage';

/**
 * The error a REST surface answers with, when it is one we can name: a domain error
 * as thrown, or a backing service's outage (503/507) made from a driver or store
 * error. An outage is logged here, once, by its kind and code only: the driver's
 * message inlines the statement's values (a candidate's e-mail). Null for the
 * unexpected, which each surface logs and answers as its own 500.
 */
export function knownError(error: unknown, log: FastifyBaseLogger): AppError | null {
  if (error instanceof AppError) return error;
  const outage = outageOf(error);
  if (outage) log.warn(outageLogFields(error), 'backing service unavailable');
  return outage;
}

/** Retry-After for the errors that ask the caller to come back (429, 503, 507). */
export function setRetryAfter(reply: FastifyReply, error: AppError): void {
  const seconds = retryAfterOf(error);
  if (seconds !== null) void reply.header('retry-after', String(seconds));
}

/** REST routes answer `{ error: { code, message } }`; internals never leak. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const known = knownError(error, request.log);
    if (known) {
      setRetryAfter(reply, known);
      return reply.status(HTTP_STATUS[known.code]).send({ error: { code: known.code, message: known.message, ...known.extensions } });
    }
    const status = (error as FastifyError).statusCode;
    if (status === 413) return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' } });
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` } }),
  );
}

/**
 * Errors Fastify raises before routing (the `frameworkErrors` option). A path whose
 * percent-encoding is not UTF-8 (`/feeds/%ED%A0%80.xml`) never reaches a route's
 * text check, so it is refused here in the REST shape, naming the path; the
 * router's own answer echoed the path in a shape of its own.
 */
export function frameworkErrorReply(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    const message = 'must be valid UTF-8 text (its percent-encoding is not)';
    void reply.status(400).send({ error: { code: 'BAD_USER_INPUT', message: `path: ${message}`, field: 'path', fields: [{ field: 'path', message }] } });
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') void reply.status(414).send({ error: { code: 'BAD_REQUEST', message: 'A path segment is too long' } });
  else void reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'The request could not be routed' } });
}
