import type { FastifyInstance } from 'fastify';
import { KeepAliveDrain } from './keep-alive-drain';

/** How long a drained keep-alive connection may stay quiet before it is ended (bounded by the shutdown timeout). */
const IDLE_GRACE_MS = 500;

/**
 * While the server drains, every response that is still being produced tells
 * its client to close the connection. Without this, a keep-alive socket that
 * was busy when the drain began goes back to the client's pool, stays open
 * until the keep-alive timeout (so the drain runs into the forced close), and
 * its next request meets a socket the server is tearing down: a reset, and the
 * client cannot tell whether an upload or an apply was processed.
 * Idle connections are not destroyed at once either: see KeepAliveDrain.
 */
export function registerDrainHooks(app: FastifyInstance, shutdownTimeoutMs: number): void {
  // A quarter of the shutdown budget at most, so the grace never runs into the forced close.
  new KeepAliveDrain(app.server, Math.min(IDLE_GRACE_MS, Math.floor(shutdownTimeoutMs / 4)));
  let listened = false;
  app.addHook('onListen', async () => {
    listened = true;
  });
  app.addHook('onSend', async (request, reply) => {
    // `listening` turns false the moment close() stops accepting: that is the drain.
    const draining = listened && !app.server.listening;
    if (draining && request.raw.httpVersionMajor === 1) void reply.header('connection', 'close');
  });
}
