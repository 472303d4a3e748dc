import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_CONSOLE_CSP, registerAdminConsoleRoute } from '../../src/http/admin-console-route';
import { installErrorHandler } from '../../src/http/error-reply';
import { startTestApp, type TestApp } from '../helpers/test-app';

// A stand-in build output (what `vite build` writes to dist/admin), served through the real route.
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobgate-console-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/admin/assets/index-abc123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("console")');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('GET /admin serves the built console', () => {
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    app = Fastify();
    installErrorHandler(app);
    await registerAdminConsoleRoute(app, dir);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /admin and any deep link with index.html, never cached, under a strict CSP', async () => {
    for (const url of ['/admin', '/admin/', '/admin/users', '/admin/dev-center/123/permissions?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(ADMIN_CONSOLE_CSP);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    expect(ADMIN_CONSOLE_CSP).toContain("script-src 'self'");
    expect(ADMIN_CONSOLE_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('serves hashed assets for a year and immutable, and a missing asset is a 404, not the page', async () => {
    const asset = await app.inject({ url: '/admin/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject({ url: '/admin/assets/gone-000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
  });

  it('serves other files of the build, and never anything outside it', async () => {
    const icon = await app.inject({ url: '/admin/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/svg/);
    const traversal = await app.inject({ url: '/admin/assets/..%2F..%2Fetc%2Fpasswd' });
    expect([403, 404]).toContain(traversal.statusCode);
    expect(traversal.body).not.toContain('root:');
  });
});

describe('the service registers the console route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers /admin with the console, or says how to build it', async () => {
    const res = await t.app.inject({ url: '/admin/users' });
    if (res.statusCode === 200) {
      expect(res.body).toContain('<div id="root">');
    } else {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'The admin console is not built: run npm run build' } });
    }
    expect(res.headers['content-security-policy']).toBe(ADMIN_CONSOLE_CSP);
  });
});
