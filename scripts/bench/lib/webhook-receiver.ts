import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery as the benchmark receiver saw it. */
export interface Arrival {
  /** `data.id` of the payload: the benchmark's own label of the event. */
  label: string;
  webhookId: string;
  /** performance.now() of this process when the body had arrived. */
  at: number;
}

/**
 * A local webhook receiver for benchmarks: answers 200 at once and records, per path,
 * what arrived and when (performance.now(), the same clock the enqueuing side reads).
 */
export class BenchReceiver {
  private readonly arrivals = new Map<string, Arrival[]>();
  private server!: http.Server;

  async start(): Promise<this> {
    this.server = http.createServer({ keepAlive: true }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const path = (req.url ?? '/').split('?')[0]!;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { id?: unknown } };
        const list = this.arrivals.get(path) ?? [];
        list.push({ label: String(body.data.id), webhookId: String(req.headers['webhook-id']), at });
        this.arrivals.set(path, list);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): Arrival[] {
    return this.arrivals.get(path) ?? [];
  }

  /** Waits until `count` deliveries reached `path`; throws after `timeoutMs`. */
  async waitFor(path: string, count: number, timeoutMs: number): Promise<Arrival[]> {
    const until = performance.now() + timeoutMs;
    while (this.at(path).length < count) {
      if (performance.now() > until) throw new Error(`${path}: ${this.at(path).length} of ${count} deliveries after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.at(path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
