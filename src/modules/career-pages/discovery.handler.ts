import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendLogo } from '../uploads';
import { NotFoundError } from '../../errors';
import type { CareerContext } from './career-context';
import { securityHeaders, sendHtml } from './page-headers';
import { landingPage } from './views/landing';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** The demo organizations the landing page links to when demo mode is on (created by the first embedded start). */
export const DEMO_BOARD_SLUGS = ['acme'];

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /jobs/:slug/sitemap.xml — the board and every visible posting, with lastmod; cached like the pages. */
export async function sitemapHandler(ctx: CareerContext, request: SlugRequest, reply: FastifyReply) {
  const knownId = ctx.knownOrganizationId(request.params.slug);
  if (knownId) {
    const hit = ctx.cache.get(ctx.cache.key(knownId, 'sitemap', {}));
    if (hit) return ctx.sendPage(request, reply, hit, true);
  }
  const board = await ctx.board(request);
  if (!board) return ctx.notFound(reply);
  const entries = await ctx.reads.sitemapEntries(board.organization.id);
  const base = `${ctx.publicUrl}${board.basePath}`;
  const newest = entries.reduce<Date | null>((max, e) => (!max || e.lastmod > max ? e.lastmod : max), null);
  const urls = [
    `<url><loc>${xml(base)}</loc>${newest ? `<lastmod>${newest.toISOString()}</lastmod>` : ''}</url>`,
    ...entries.map((e) => `<url><loc>${xml(`${base}/${e.id}`)}</loc><lastmod>${e.lastmod.toISOString()}</lastmod></url>`),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  const page = ctx.cache.put(ctx.cache.key(board.organization.id, 'sitemap', {}), body, { 'content-type': 'application/xml; charset=utf-8' });
  return ctx.sendPage(request, reply, page, false);
}

/** GET /robots.txt — boards and postings may be crawled, forms and APIs not; each board's sitemap is listed. */
export async function robotsHandler(ctx: CareerContext, _request: FastifyRequest, reply: FastifyReply) {
  const slugs = await ctx.reads.enabledBoardSlugs();
  const lines = ['User-agent: *', 'Allow: /jobs/', 'Disallow: /jobs/*/apply', 'Disallow: /jobs/*/thanks', 'Disallow: /graphql', 'Disallow: /public/', 'Disallow: /admin', ''];
  for (const slug of slugs) lines.push(`Sitemap: ${ctx.publicUrl}/jobs/${encodeURIComponent(slug)}/sitemap.xml`);
  return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=300').send(`${lines.join('\n')}\n`);
}

/** GET /jobs/:slug/logo.png — the organization's logo (a checked PNG), not secret. */
export async function logoHandler(ctx: CareerContext, request: SlugRequest, reply: FastifyReply) {
  const board = await ctx.board(request);
  const fileId = board?.organization.settings.logoFileId;
  if (!board || !fileId) throw new NotFoundError('Logo');
  return sendLogo(reply, ctx.services.uploads, ctx.services.orm, board.organization.id, fileId);
}

export async function landingHandler(ctx: CareerContext, _request: FastifyRequest, reply: FastifyReply) {
  const boards = ctx.services.config.demo ? await ctx.reads.boardsAmong(DEMO_BOARD_SLUGS) : [];
  return sendHtml(reply, 200, landingPage({ boards }), { ...securityHeaders({ frameOrigins: [], scriptHashes: [] }), 'cache-control': 'no-cache' });
}

/** The nearest ancestor holding package.json: the same from src/ (vite-node, vitest) and from dist/ (npm start). */
function repoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The committed GraphQL schemas (schema/*.graphql), read once: the API docs the landing page links to. */
export function schemaDocuments(): Map<string, string> {
  const dir = path.join(repoRoot(__dirname), 'schema');
  const docs = new Map<string, string>();
  for (const name of ['admin.graphql', 'public.graphql']) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) docs.set(name, fs.readFileSync(file, 'utf8'));
  }
  return docs;
}
