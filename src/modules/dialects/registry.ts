import type { FastifyError, FastifyInstance } from 'fastify';
import { HTTP_STATUS, type AppError } from '../../errors';
import { knownError, setRetryAfter } from '../../http/error-reply';
import { textGuard } from '../../http/text-guard';
import type { Dialect } from './dialect';
import type { DialectServices } from './dialect-services';
import { DialectSiteRepository } from './dialect-site.repository';
import { greenhouseJobBoard } from './greenhouse/greenhouse.dialect';
import { indeedFeed } from './indeed/indeed.dialect';
import { leverV0 } from './lever/lever.dialect';
import { linkedinFeed } from './linkedin/linkedin.dialect';

/** Every public dialect the service speaks. Adding one is its folder and a line here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each dialect maps its own row type; the registry only registers them
export const DIALECTS: readonly Dialect<any, unknown>[] = [leverV0, greenhouseJobBoard, indeedFeed, linkedinFeed];

/**
 * Registers each dialect in a plugin scope of its own: bad text in a path, a query or a
 * JSON/urlencoded body is refused before any handler looks it up, and every error is
 * answered in the dialect's shape (an outage a 503 with Retry-After, never a 5xx leak).
 */
export async function registerDialects(app: FastifyInstance, services: DialectServices): Promise<void> {
  const sites = new DialectSiteRepository(services.orm);
  services.events.on('settings.changed', () => sites.clear());
  for (const dialect of DIALECTS) {
    await app.register(async (scope) => {
      scope.addHook('preValidation', textGuard());
      scope.setErrorHandler((error: FastifyError | AppError, request, reply) => {
        const known = knownError(error, request.log);
        if (known) {
          setRetryAfter(reply, known);
          return dialect.sendError(reply, HTTP_STATUS[known.code], known.message, known);
        }
        const status = (error as FastifyError).statusCode;
        if (status && status >= 400 && status < 500) return dialect.sendError(reply, status, status === 413 ? 'Request body is too large' : error.message, null);
        request.log.error({ err: error }, `${dialect.name} route failed`);
        return dialect.sendError(reply, 500, 'Internal server error', null);
      });
      await dialect.registerRoutes(scope, { services, sites });
    });
  }
}
