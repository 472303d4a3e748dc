import type { FastifyInstance } from 'fastify';
import { indexNowKeyPath } from './indexnow-key';

/** `GET /jobs/<key>.txt`: the key file IndexNow fetches to check that submissions come from this host. */
export function registerIndexNowKeyRoute(app: FastifyInstance, key: string): void {
  // Anonymous and organization-free: no caller, no scope.
  app.get(indexNowKeyPath(key), { config: { caller: 'none' } }, async (_request, reply) => reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(key));
}
