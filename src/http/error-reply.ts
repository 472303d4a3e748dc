import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, HTTP_STATUS, RateLimitedError } from '../errors';

/** REST routes answer `{ error: { code, message } }`; internals never leak. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(HTTP_STATUS[error.code]).send({ error: { code: error.code, message: error.message, ...error.extensions } });
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
