import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** What the drain knows about one connection. */
interface ConnectionState {
  /** Requests parsed on it whose response has not completed yet. */
  inFlight: number;
  /** `socket.bytesRead` when it last had nothing in flight: more bytes since mean a request is arriving. */
  bytesAtRest: number;
  /** When it last had nothing in flight (or was accepted). */
  restingSince: number;
}

/**
 * Ends idle keep-alive connections gracefully during a drain instead of destroying them at once.
 *
 * Node's `server.close()` calls `closeIdleConnections()`, which destroys every socket whose request
 * has not been parsed yet. With a busy event loop, a request the client already wrote sits unread in
 * the kernel, the socket looks idle, and the destroy turns it into a reset (RST): the client cannot
 * tell whether its apply or upload was processed. So this replaces that method on the one server.
 *
 * The guarantee: a connection is ended only after it has had no request in flight and received no
 * byte for `graceMs` since the drain began (or since its last response), checked after an I/O poll,
 * so every byte that reached the server before that — in particular every request written before
 * SIGTERM — is read and answered: served normally or 503 (Fastify's `return503OnClosing`), always
 * with `Connection: close`. The end is `socket.end()` (a FIN), not a destroy. A client that writes on
 * a connection that has been idle for the whole grace can still cross the FIN; that is the ordinary
 * keep-alive race HTTP clients retry. The forced close at JOBGATE_SHUTDOWN_TIMEOUT_MS stays the last resort.
 */
export class KeepAliveDrain {
  private readonly connections = new Map<Socket, ConnectionState>();
  private draining = false;
  private drainStartedAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly server: Server,
    private readonly graceMs: number,
  ) {
    server.on('connection', (socket: Socket) => {
      this.connections.set(socket, { inFlight: 0, bytesAtRest: 0, restingSince: Date.now() });
      socket.once('close', () => this.connections.delete(socket));
    });
    server.on('request', (request, response) => {
      const state = this.connections.get(request.socket);
      if (!state) return;
      state.inFlight += 1;
      response.once('close', () => {
        state.inFlight -= 1;
        if (state.inFlight > 0) return;
        state.bytesAtRest = request.socket.bytesRead;
        state.restingSince = Date.now();
      });
    });
    server.once('close', () => this.stopSweeping());
    // Called by Node's own server.close() (and by Fastify with a serverFactory): start draining instead.
    server.closeIdleConnections = () => this.begin();
  }

  private begin(): void {
    if (this.draining) return;
    this.draining = true;
    this.drainStartedAt = Date.now();
    this.scheduleSweep();
  }

  private scheduleSweep(): void {
    // The timer fires before the loop's I/O poll; setImmediate runs after it, so bytes that were
    // waiting in the kernel have been parsed (and counted) by the time the sweep looks.
    this.timer = setTimeout(() => setImmediate(() => this.sweep()), Math.max(25, Math.floor(this.graceMs / 4)));
    this.timer.unref();
  }

  private sweep(): void {
    this.timer = null;
    const now = Date.now();
    for (const [socket, state] of this.connections) {
      if (state.inFlight > 0 || socket.bytesRead !== state.bytesAtRest || socket.writableEnded) continue;
      const quietSince = Math.max(state.restingSince, this.drainStartedAt);
      if (now - quietSince >= this.graceMs) socket.end();
    }
    if (this.connections.size > 0 && this.server.listening === false) this.scheduleSweep();
  }

  private stopSweeping(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
