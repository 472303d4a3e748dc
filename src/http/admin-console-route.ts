import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const ADMIN_CONSOLE_PATH = '/admin';

/**
 * Scripts only from our own origin (no inline script, no eval); styles allow inline because the
 * component library sets CSS variables in style elements. Everything talks to this origin only.
 */
export const ADMIN_CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HASHED_ASSETS = 'assets/';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** `vite build` writes to dist/admin; this file runs from dist/src/http (built) or src/http (tests). */
export function defaultAdminConsoleDir(): string {
  const candidates = [path.resolve(__dirname, '../../admin'), path.resolve(__dirname, '../../dist/admin')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates[0];
}

/**
 * `GET /admin/*`: the built admin console (web/admin). Hashed assets are cached for a year;
 * any other path is the single-page app's index.html (never cached), so deep links work.
 */
export async function registerAdminConsoleRoute(app: FastifyInstance, dir = defaultAdminConsoleDir()): Promise<void> {
  const built = fs.existsSync(path.join(dir, 'index.html'));
  await app.register(async (scope) => {
    if (built) await scope.register(fastifyStatic, { root: dir, serve: false, index: false });
    scope.addHook('onSend', async (_request, reply) => {
      void reply
        .header('content-security-policy', ADMIN_CONSOLE_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('x-frame-options', 'DENY');
    });

    const serve = async (file: string, reply: FastifyReply) => {
      if (!built) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'The admin console is not built: run npm run build' } });
      }
      if (file.startsWith(HASHED_ASSETS)) {
        return reply.sendFile(file, { maxAge: ONE_YEAR_MS, immutable: true });
      }
      if (file && file !== 'index.html' && !file.includes('..') && fs.existsSync(path.join(dir, file))) {
        return reply.sendFile(file, { maxAge: 3600 * 1000 });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    };

    scope.get(ADMIN_CONSOLE_PATH, (_request, reply) => serve('', reply));
    scope.get<{ Params: { '*': string } }>(`${ADMIN_CONSOLE_PATH}/*`, (request, reply) => serve(request.params['*'], reply));
  });
}
