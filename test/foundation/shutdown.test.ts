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
});
