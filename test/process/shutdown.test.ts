import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app';
import { startTestApp, type TestApp } from '../helpers/test-app';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(port: number): Promise<'connected'> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', reject);
  });
}

describe('graceful shutdown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('finishes an in-flight request and refuses new connections after close()', async () => {
    // A second app on the same services, built the way main.ts builds it, plus a test-only slow route.
    const app = await buildApp(t.services);
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    app.get('/slow', async () => {
      started();
      await t.services.orm.em.fork().getConnection().execute('select pg_sleep(1)');
      return { slept: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    expect(await connect(port)).toBe('connected');

    const slow = get(port, '/slow');
    await inFlight;
    const closing = app.close();
    // The listening socket is closed at once: a new connection is refused...
    await expect(connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // ...while the request already in flight completes normally.
    const res = await slow;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ slept: true });
    await closing;
    // The shared database is still usable by the other app (the ORM is closed by main.ts after HTTP).
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('drains keep-alive connections without resets: quiet idle ones ended, in-flight ones told to close, late ones answered 503', async () => {
    const app = await buildApp(t.services);
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    app.get('/slow-drain', async () => {
      started();
      await t.services.orm.em.fork().getConnection().execute('select pg_sleep(0.5)');
      return { slept: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = (path: string) =>
      new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      // An idle kept-alive socket (the agent's, after one request) and a raw one that has sent half a request.
      expect((await viaAgent('/healthz')).connection).toBe('keep-alive');
      const idle = net.connect({ host: '127.0.0.1', port });
      await new Promise((resolve) => idle.once('connect', resolve));
      idle.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await new Promise((resolve) => idle.once('data', resolve));
      const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
      const late = net.connect({ host: '127.0.0.1', port });
      await new Promise((resolve) => late.once('connect', resolve));
      late.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
      let lateReply = '';
      late.on('data', (chunk: Buffer) => (lateReply += chunk.toString()));
      const lateClosed = new Promise<void>((resolve) => late.once('close', () => resolve()));

      const slow = viaAgent('/slow-drain');
      await inFlight;
      const closing = app.close();
      // The drain ends the idle keep-alive socket once it has been quiet for a short grace.
      await idleClosed;
      // A request that arrives during the drain is answered 503 with Connection: close, not reset.
      late.write('\r\n');
      await lateClosed;
      expect(lateReply).toMatch(/^HTTP\/1\.1 503/);
      expect(lateReply.toLowerCase()).toContain('connection: close');
      // The request in flight completes, and tells its client not to reuse the socket.
      const res = await slow;
      expect(res.status).toBe(200);
      expect(res.connection).toBe('close');
      // So the drain ends when the in-flight work does, not at the keep-alive timeout or the forced close.
      await closing;
      expect(app.server.listening).toBe(false);
    } finally {
      agent.destroy();
    }
  });

  it('answers a request written on an idle kept-alive socket after the drain began with 503 + Connection: close, not a reset', async () => {
    const app = await buildApp(t.services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    let reply = '';
    let error: string | null = null;
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => socket.once('data', resolve));
    expect(reply.toLowerCase()).toContain('connection: keep-alive');
    reply = '';

    // The client cannot know the server is draining: it reuses its idle socket a moment after close() began.
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed;
    expect(error).toBeNull();
    expect(reply).toMatch(/^HTTP\/1\.1 503 /);
    expect(reply.toLowerCase()).toContain('connection: close');
    await closing;
  });
});
