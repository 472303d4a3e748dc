import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/** Standard Webhooks: a receiver has this long to answer. */
export const DELIVERY_TIMEOUT_MS = 15_000;
const EXCERPT_BYTES = 1024;

export interface DeliveryResponse {
  statusCode: number | null;
  /** The Retry-After header of a 429 or 503, in seconds. */
  retryAfterSeconds: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs signed bodies. The agents are request-filtering-agent's: every connection's
 * resolved address is checked at connect time, so a hostname that passed the check at
 * subscription and later resolves to a private address (DNS rebinding) is refused.
 * One pair of agents per sender (per instance): keep-alive reuses connections.
 */
export class WebhookSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(allowPrivateNetworks: boolean) {
    const options = { keepAlive: true, maxSockets: 50, allowPrivateIPAddress: allowPrivateNetworks };
    this.httpAgent = new RequestFilteringHttpAgent(options);
    this.httpsAgent = new RequestFilteringHttpsAgent(options);
    this.allowHttp = allowPrivateNetworks;
  }

  private readonly allowHttp: boolean;

  send(url: string, headers: Record<string, string>, body: string): Promise<DeliveryResponse> {
    const started = Date.now();
    const target = new URL(url);
    const done = (partial: Omit<DeliveryResponse, 'durationMs'>): DeliveryResponse => ({ ...partial, durationMs: Date.now() - started });
    if (target.protocol !== 'https:' && !(this.allowHttp && target.protocol === 'http:')) {
      return Promise.resolve(done({ statusCode: null, retryAfterSeconds: null, excerpt: null, error: 'url must use https' }));
    }
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const request = client.request(
        target,
        {
          method: 'POST',
          agent: target.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Jobgate-Webhooks/1' },
          timeout: DELIVERY_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < EXCERPT_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () =>
            resolve(
              done({
                statusCode: response.statusCode ?? null,
                retryAfterSeconds: retryAfter(response.headers['retry-after']),
                excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8') || null,
                error: null,
              }),
            ),
          );
          response.on('error', (err) => resolve(done({ statusCode: response.statusCode ?? null, retryAfterSeconds: null, excerpt: null, error: err.message })));
        },
      );
      // The whole exchange, not just the idle socket, is bounded by the timeout.
      const timer = setTimeout(() => request.destroy(new Error(`timed out after ${DELIVERY_TIMEOUT_MS} ms`)), DELIVERY_TIMEOUT_MS);
      request.on('timeout', () => request.destroy(new Error(`timed out after ${DELIVERY_TIMEOUT_MS} ms`)));
      request.on('error', (err) => resolve(done({ statusCode: null, retryAfterSeconds: null, excerpt: null, error: err.message.slice(0, 500) })));
      request.on('close', () => clearTimeout(timer));
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** Retry-After as seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
function retryAfter(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}
