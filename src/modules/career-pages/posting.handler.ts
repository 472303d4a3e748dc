import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../ids';
import { hostedUrl, fetchOne } from '../postings';
import type { CareerContext } from './career-context';
import { cspHash, jobPostingSchema, scriptSafeJson } from './job-posting-schema';
import { securityHeaders } from './page-headers';
import { postingPage } from './views/posting';

type PostingRequest = FastifyRequest<{ Params: { slug: string; postingId: string } }>;

/** GET /jobs/:slug/:postingId — anything not publicly visible is the same 404 as an unknown id. */
export async function postingHandler(ctx: CareerContext, request: PostingRequest, reply: FastifyReply) {
  const { slug } = request.params;
  const postingId = request.params.postingId.toLowerCase();
  const knownId = ctx.knownOrganizationId(slug);
  if (knownId && isUuid(postingId)) {
    const hit = ctx.cache.get(ctx.cache.key(knownId, 'posting', { postingId }));
    if (hit) return ctx.sendPage(request, reply, hit, true);
  }
  const board = await ctx.board(request);
  if (!board) return ctx.notFound(reply);
  const row = isUuid(postingId) ? await fetchOne(board.em, board.organization.id, postingId) : null;
  if (!row) return ctx.notFound(reply, board);
  const settings = board.organization.settings;
  // With a careers site of its own, the organization's page is the canonical one (the same URL the API and feed give out).
  const canonical = hostedUrl({ slug: board.organization.slug, careersSiteUrl: settings.careersSiteUrl }, ctx.publicUrl, row.id);
  const logoUrl = board.brand.logoPath ? `${ctx.publicUrl}${board.brand.logoPath}` : null;
  const jsonLd = scriptSafeJson(
    jobPostingSchema(row, { name: board.organization.name, sameAs: settings.careersSiteUrl ?? `${ctx.publicUrl}${board.basePath}`, logo: logoUrl }, canonical),
  );
  const html = postingPage({ row, organizationName: board.organization.name, brand: board.brand, canonical, applyPath: `${board.basePath}/${row.id}/apply`, imageUrl: logoUrl, jsonLd });
  const headers = { ...securityHeaders({ ...board.security, scriptHashes: [cspHash(jsonLd)] }), 'content-type': 'text/html; charset=utf-8' };
  const page = ctx.cache.put(ctx.cache.key(board.organization.id, 'posting', { postingId }), html, headers);
  return ctx.sendPage(request, reply, page, false);
}
