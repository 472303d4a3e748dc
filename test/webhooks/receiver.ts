import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';

export interface Received {
  /** The request path with its query (endpoints of one test tell themselves apart by it). */
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export type Answer = { status: number; headers?: Record<string, string>; body?: string };

/** A real HTTP receiver on 127.0.0.1: records every delivery and answers from `answers` (then 200). */
export class Receiver {
  readonly received: Received[] = [];
  answers: Answer[] = [];
  /** Runs (awaited) after a delivery is recorded and before it is answered: e.g. kill the sender mid-flight. */
  beforeAnswer: ((delivery: Received) => Promise<void> | void) | null = null;
  private server!: http.Server;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const delivery = { path: req.url ?? '', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        this.received.push(delivery);
        const answer = this.answers.shift() ?? { status: 200 };
        void Promise.resolve(this.beforeAnswer?.(delivery)).finally(() => {
          // The sender may be gone by now (killed): the answer then goes nowhere.
          if (res.destroyed) return;
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? 'ok');
        });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Waits until `count` deliveries arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} deliveries, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Verifies with BOTH independent verifiers; returns the parsed payload. Throws if either refuses. */
export function verifyBoth(secret: string, delivery: Pick<Received, 'headers' | 'body'>): { type: string; timestamp: string; data: Record<string, unknown> } {
  const headers = { 'webhook-id': delivery.headers['webhook-id']!, 'webhook-timestamp': delivery.headers['webhook-timestamp']!, 'webhook-signature': delivery.headers['webhook-signature']! };
  // Each throws on a bad signature or timestamp; both must accept.
  new StandardWebhook(secret).verify(delivery.body, headers);
  new SvixWebhook(secret).verify(delivery.body, { 'svix-id': headers['webhook-id'], 'svix-timestamp': headers['webhook-timestamp'], 'svix-signature': headers['webhook-signature'] });
  return JSON.parse(delivery.body) as { type: string; timestamp: string; data: Record<string, unknown> };
}

/** True when each verifier refuses (tampered body, old timestamp, wrong secret). */
export function bothRefuse(secret: string, delivery: Pick<Received, 'headers' | 'body'>): boolean {
  const headers = { 'webhook-id': delivery.headers['webhook-id']!, 'webhook-timestamp': delivery.headers['webhook-timestamp']!, 'webhook-signature': delivery.headers['webhook-signature']! };
  let refusals = 0;
  try {
    new StandardWebhook(secret).verify(delivery.body, headers);
  } catch {
    refusals++;
  }
  try {
    new SvixWebhook(secret).verify(delivery.body, { 'svix-id': headers['webhook-id'], 'svix-timestamp': headers['webhook-timestamp'], 'svix-signature': headers['webhook-signature'] });
  } catch {
    refusals++;
  }
  return refusals === 2;
}
