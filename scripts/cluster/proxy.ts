import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Upstreams } from './upstreams';

/**
 * The demo's reverse proxy, standing in for nginx (docs/DEPLOY.md): round-robin over the
 * instances in rotation, X-Forwarded-For/-Proto/-Host for TRUST_PROXY, and nginx's
 * `proxy_next_upstream error timeout http_503` rule: a request goes to the next instance when
 * the connection to one fails before the request was sent (any method), or when an idempotent
 * request (GET, HEAD, OPTIONS) fails or is answered 503 by a draining instance. A POST that an
 * instance may have started on is never sent twice: it gets a 503 with Retry-After, like nginx.
 *
 * Hand-rolled on node:http rather than http-proxy (unmaintained since 2020) or
 * @fastify/reply-from (its retries go to the same upstream): failing over to another instance
 * needs the request body in hand, so it is buffered, as nginx does by default
 * (proxy_request_buffering on).
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];
const MAX_BODY_BYTES = 64 * 1024 * 1024;

type Attempt = { kind: 'answered'; response: http.IncomingMessage } | { kind: 'failed'; sent: boolean };

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function forwardedHeaders(req: http.IncomingMessage, body: Buffer): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...req.headers };
  for (const name of HOP_BY_HOP) delete headers[name];
  const client = req.socket.remoteAddress ?? '';
  const prior = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = prior ? `${String(prior)}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  headers['content-length'] = String(body.length);
  return headers;
}

function attempt(upstream: string, req: http.IncomingMessage, body: Buffer): Promise<Attempt> {
  return new Promise((resolve) => {
    const target = new URL(req.url ?? '/', upstream);
    // A fresh connection per request: a pooled socket could belong to an instance that is closing.
    const outgoing = http.request(target, { method: req.method, headers: forwardedHeaders(req, body), agent: false, timeout: 60_000 });
    let sent = false;
    outgoing.once('socket', (socket) => socket.once('connect', () => (sent = true)));
    outgoing.once('response', (response) => resolve({ kind: 'answered', response }));
    outgoing.once('timeout', () => outgoing.destroy(new Error('upstream timeout')));
    outgoing.once('error', () => resolve({ kind: 'failed', sent }));
    outgoing.end(body);
  });
}

function unavailable(res: http.ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify({ error: 'no instance could answer; retry shortly' }));
}

async function handle(upstreams: Upstreams, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === null) {
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: 'request body too large for the demo proxy' }));
    return;
  }
  const idempotent = IDEMPOTENT.has(req.method ?? 'GET');
  for (const upstream of upstreams.order()) {
    const result = await attempt(upstream, req, body);
    if (result.kind === 'failed') {
      upstreams.markDown(upstream);
      if (result.sent && !idempotent) return unavailable(res);
      continue;
    }
    const { response } = result;
    if (response.statusCode === 503 && idempotent) {
      response.resume();
      continue;
    }
    const headers = { ...response.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    res.writeHead(response.statusCode ?? 502, headers);
    response.pipe(res);
    return;
  }
  unavailable(res);
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

export async function startProxy(upstreams: Upstreams, port: number, host = '127.0.0.1'): Promise<Proxy> {
  const server = http.createServer((req, res) => {
    handle(upstreams, req, res).catch(() => {
      if (!res.headersSent) unavailable(res);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  upstreams.startChecks();
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        upstreams.stopChecks();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
