import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can break the connections it carries the
 * way a failover, a NAT timeout or a restarted firewall does: nothing is said when
 * it happens, and the next bytes a client sends are answered with a reset. The
 * pool cannot tell such a connection from a live one until it uses it.
 */
export interface BreakableProxy {
  port: number;
  /** Every connection open now dies on its next write; new connections work. */
  breakConnections(): void;
  /** Connections that died this way. */
  broken(): number;
  close(): Promise<void>;
}

export async function startBreakableProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<BreakableProxy> {
  const open = new Set<{ client: net.Socket; upstream: net.Socket; doomed: boolean }>();
  let broken = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    const pair = { client, upstream, doomed: false };
    open.add(pair);
    client.on('data', (chunk) => {
      if (!pair.doomed) {
        upstream.write(chunk);
        return;
      }
      broken += 1;
      client.resetAndDestroy();
      upstream.destroy();
    });
    upstream.on('data', (chunk) => {
      if (!pair.doomed) client.write(chunk);
    });
    const end = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    breakConnections() {
      for (const pair of open) pair.doomed = true;
    },
    broken: () => broken,
    async close() {
      for (const pair of open) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
