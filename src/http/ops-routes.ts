import type { FastifyInstance } from 'fastify';
import { databaseAnswers } from '../db/health.repository';
import type { HttpServices } from './http-services';

/** Liveness, readiness and Prometheus metrics. */
export function registerOpsRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    if (await databaseAnswers(services.orm)) return { status: 'ready' };
    return reply.status(503).send({ status: 'unavailable', reason: 'database does not answer' });
  });

  app.get('/metrics', async (_request, reply) => {
    reply.type(services.metrics.registry.contentType);
    return services.metrics.registry.metrics();
  });
}
