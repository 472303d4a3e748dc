import { createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLIENT_EMAIL = 'jobgate-indexing@jobgate-test.iam.gserviceaccount.com';

/** One publish call of a batch, as the receiver parsed it. */
export interface PublishCall {
  url: string;
  type: 'URL_UPDATED' | 'URL_DELETED';
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => resolve(body));
  });
}

const b64url = (s: string) => Buffer.from(s, 'base64url');

/**
 * Google's OAuth token endpoint in miniature: takes the JWT-bearer grant, verifies the
 * assertion's RS256 signature with the service account's public key and its claims
 * (issuer, audience, indexing scope, expiry), and issues an opaque access token.
 */
export function verifyAssertion(assertion: string, publicKey: KeyObject): string | null {
  const [header, payload, signature] = assertion.split('.');
  if (!header || !payload || !signature) return 'not a JWT';
  if ((JSON.parse(b64url(header).toString()) as { alg?: string }).alg !== 'RS256') return 'alg is not RS256';
  if (!createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(publicKey, b64url(signature))) return 'bad signature';
  const claims = JSON.parse(b64url(payload).toString()) as { iss?: string; aud?: string; scope?: string; exp?: number; iat?: number };
  if (claims.iss !== CLIENT_EMAIL) return 'wrong issuer';
  if (claims.aud !== 'https://oauth2.googleapis.com/token') return 'wrong audience';
  if (!claims.scope?.split(' ').includes('https://www.googleapis.com/auth/indexing')) return 'no indexing scope';
  if (!claims.exp || claims.exp * 1000 < Date.now()) return 'expired';
  return null;
}

export interface GoogleReceivers {
  /** Path of the service account key file (its token_uri is the local token server). */
  keyPath: string;
  batchEndpoint: string;
  tokenEndpoint: string;
  /** Every batch the indexing receiver accepted, in order, each as its publish calls. */
  batches: PublishCall[][];
  /** Assertions the token server refused, with why. */
  refusedAssertions: string[];
  tokensIssued: number;
  /** Status for the next publish call of a URL (then 200). */
  failNext: Map<string, number>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Parses a batch body: every part must be an application/http publish call with a JSON {url, type}. */
function parseBatch(contentType: string, body: string): { ids: string[]; calls: PublishCall[] } | string {
  const boundary = /^multipart\/mixed; boundary=(\S+)$/.exec(contentType)?.[1];
  if (!boundary) return 'not multipart/mixed';
  if (!body.endsWith(`--${boundary}--\r\n`)) return 'no closing boundary';
  const parts = body.slice(0, -`--${boundary}--\r\n`.length).split(`--${boundary}\r\n`).slice(1);
  const ids: string[] = [];
  const calls: PublishCall[] = [];
  for (const part of parts) {
    const [outer, inner, json] = part.replace(/\r\n$/, '').split('\r\n\r\n');
    if (!/^Content-Type: application\/http$/m.test(outer ?? '')) return 'part is not application/http';
    const id = /^Content-ID: <(item\d+)>$/m.exec(outer ?? '')?.[1];
    if (!id) return 'part has no Content-ID';
    if (!inner?.startsWith('POST /v3/urlNotifications:publish HTTP/1.1\r\nContent-Type: application/json')) return 'part is not a publish call';
    const call = JSON.parse(json ?? '') as PublishCall;
    if (Object.keys(call).sort().join() !== 'type,url' || !['URL_UPDATED', 'URL_DELETED'].includes(call.type)) return 'bad publish body';
    ids.push(id);
    calls.push(call);
  }
  return { ids, calls };
}

/** A generated service account key, the token server that knows its public key, and the batch receiver that checks the tokens. */
export async function startGoogleReceivers(): Promise<GoogleReceivers> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const issued = new Set<string>();
  const state = { tokensIssued: 0 };
  const refusedAssertions: string[] = [];
  const batches: PublishCall[][] = [];
  const failNext = new Map<string, number>();

  const tokenServer = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const form = new URLSearchParams(body);
      const why = form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ? 'wrong grant type' : verifyAssertion(form.get('assertion') ?? '', publicKey);
      if (why) {
        refusedAssertions.push(why);
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: why }));
        return;
      }
      const token = `ya29.test-${randomBytes(16).toString('hex')}`;
      issued.add(token);
      state.tokensIssued++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, expires_in: 3600, token_type: 'Bearer' }));
    });
  });

  const indexingServer = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (req.method !== 'POST' || req.url !== '/batch') return void res.writeHead(404).end();
      if (!token || !issued.has(token)) return void res.writeHead(401).end();
      const parsed = parseBatch(req.headers['content-type'] ?? '', body);
      if (typeof parsed === 'string') return void res.writeHead(400).end(parsed);
      if (parsed.calls.length > 100) return void res.writeHead(400).end('more than 100 calls');
      const boundary = `batch_${randomBytes(8).toString('hex')}`;
      const accepted: PublishCall[] = [];
      const parts = parsed.calls.map((call, i) => {
        const status = failNext.get(call.url) ?? 200;
        failNext.delete(call.url);
        if (status === 200) accepted.push(call);
        const answer = status === 200 ? { urlNotificationMetadata: { url: call.url } } : { error: { code: status } };
        return `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <response-${parsed.ids[i]}>\r\n\r\nHTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Error'}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(answer)}\r\n`;
      });
      batches.push(accepted);
      res.writeHead(200, { 'content-type': `multipart/mixed; boundary=${boundary}` }).end(`${parts.join('')}--${boundary}--\r\n`);
    });
  });

  const tokenBase = await listen(tokenServer);
  const indexingBase = await listen(indexingServer);
  const keyPath = join(tmpdir(), `jobgate-google-key-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(
    keyPath,
    JSON.stringify({
      type: 'service_account',
      project_id: 'jobgate-test',
      private_key_id: randomBytes(20).toString('hex'),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      client_email: CLIENT_EMAIL,
      token_uri: `${tokenBase}/token`,
    }),
  );
  return {
    keyPath,
    batchEndpoint: `${indexingBase}/batch`,
    tokenEndpoint: `${tokenBase}/token`,
    batches,
    refusedAssertions,
    get tokensIssued() {
      return state.tokensIssued;
    },
    failNext,
    async close() {
      await Promise.all([tokenServer, indexingServer].map((s) => new Promise((r) => s.close(r))));
    },
  };
}
