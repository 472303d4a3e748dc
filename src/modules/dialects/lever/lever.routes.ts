import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadInputError, NotFoundError } from '../../../errors';
import { isUuid } from '../../../ids';
import { scopeOfRequest } from '../../../http/scope-hook';
import { postingsKeyScope } from '../dialect-caller';
import { FORM_BODY_LIMIT, readForm, registerFormParsers } from '../dialect-form';
import { allowOrigin, cachedRead, withTrailingSlash, type CachedRead } from '../dialect-http';
import type { DialectSite } from '../dialect-site.repository';
import { visiblePostings } from '../visible-postings';
import { fetchOne, type PostingRow, type PublicPostingFilter } from '../../postings';
import { frameAncestors, leverIframePage, leverListHtml, type LeverGroup } from './lever-html';
import { leverApplyInput, leverFileRule } from './lever-apply-input';
import type { LeverPosting } from './lever-posting';
import type { Dialect, DialectContext } from '../dialect';

export const LEVER_LIST_ROUTE = '/v0/postings/:site';
export const LEVER_POSTING_ROUTE = '/v0/postings/:site/:id';
/** Lever has no cap (it returns every posting); Jobgate answers at most this many rows per request, and skip+limit stays under the window. */
export const LEVER_MAX_LIMIT = 1000;
export const LEVER_MAX_WINDOW = 10_000;

type Query = Record<string, string | string[] | undefined>;
const FILTERS: [string, keyof PublicPostingFilter][] = [
  ['location', 'locations'],
  ['commitment', 'commitments'],
  ['team', 'teams'],
  ['department', 'departments'],
  ['level', 'levels'],
];
const GROUPS = new Set(['location', 'commitment', 'team']);
const MODES = new Set(['json', 'html', 'iframe']);

function single(query: Query, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) throw BadInputError.field(name, 'must be given once');
  return value;
}

function count(query: Query, name: string, fallback: number, max: number): number {
  const value = single(query, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) > max) throw BadInputError.field(name, `must be an integer from 0 to ${max}`);
  return Number(value);
}

function leverFilter(query: Query): PublicPostingFilter {
  const filter: PublicPostingFilter = {};
  for (const [param, field] of FILTERS) {
    const value = query[param];
    if (value === undefined) continue;
    (filter as Record<string, string[]>)[field] = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
  }
  return filter;
}

function modeOf(request: FastifyRequest, query: Query): string {
  const mode = single(query, 'mode')?.toLowerCase();
  if (mode) {
    if (!MODES.has(mode)) throw BadInputError.field('mode', 'must be json, html or iframe');
    return mode;
  }
  // Lever: the Accept header decides when ?mode= is absent; the parameter wins when both are given.
  const accept = request.headers.accept ?? '';
  return !accept.includes('application/json') && accept.includes('text/html') ? 'html' : 'json';
}

function groupsOf(postings: LeverPosting[], by: 'location' | 'commitment' | 'team'): LeverGroup[] {
  const groups = new Map<string | null, LeverPosting[]>();
  for (const p of postings) {
    const title = p.categories[by];
    groups.set(title, [...(groups.get(title) ?? []), p]);
  }
  return [...groups].map(([title, list]) => ({ title, postings: list })).sort((a, b) => (a.title ?? '\uffff').localeCompare(b.title ?? '\uffff'));
}


/**
 * Lever Postings API v0 (`lever/postings-api`), as a thin adapter: reads go
 * through the public API's query and visibility rule and its response cache,
 * applies through the public apply path (validation, uploads, rate limit,
 * idempotency). `:site` is the organization's slug; reads need no key.
 */
export async function registerLeverRoutes(scope: FastifyInstance, { services, sites }: DialectContext, lever: Dialect<PostingRow, LeverPosting>): Promise<void> {
  const publicUrl = services.config.publicUrl;

  async function siteOf(slug: string): Promise<DialectSite> {
    const site = await sites.find(slug);
    if (!site || !lever.enabledFor(site)) throw new NotFoundError('Site');
    return site;
  }

  async function renderList(request: FastifyRequest, site: DialectSite, query: Query, mode: string): Promise<CachedRead> {
    const skip = count(query, 'skip', 0, LEVER_MAX_WINDOW);
    const limit = count(query, 'limit', LEVER_MAX_LIMIT, LEVER_MAX_LIMIT);
    if (skip + limit > LEVER_MAX_WINDOW) throw BadInputError.field('skip', `skip + limit must be at most ${LEVER_MAX_WINDOW}`);
    const group = single(query, 'group');
    if (group !== null && !GROUPS.has(group)) throw BadInputError.field('group', 'must be location, commitment or team');
    const rows = await visiblePostings(scopeOfRequest(request).em, site.id, leverFilter(query), skip + limit);
    const postings = rows.slice(skip).map((row) => lever.mapPosting(row, site, publicUrl));
    const result = group ? groupsOf(postings, group as 'location' | 'commitment' | 'team') : postings;
    if (mode === 'json') return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(result) };
    const html = leverListHtml(result, Boolean(group));
    if (mode === 'html') return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: leverIframePage(html, `${site.name} jobs`, single(query, 'css'), single(query, 'resize')),
      headers: { 'content-security-policy': frameAncestors(site.allowedOrigins) },
    };
  }

  await registerFormParsers(scope);
  // Reads call as the organization `:site` names; the apply takes the postings key in `?key=` (Lever's way), never a header.
  const bySite = { config: { caller: 'org-slug' as const, slugParam: 'site' } };

  for (const path of withTrailingSlash(LEVER_LIST_ROUTE)) scope.get<{ Params: { site: string }; Querystring: Query }>(path, bySite, async (request, reply) => {
    const site = await sites.find(request.params.site);
    allowOrigin(request, reply, site);
    if (!site || !lever.enabledFor(site)) throw new NotFoundError('Site');
    const mode = modeOf(request, request.query);
    return cachedRead(services, request, reply, site, `lever ${mode}`, () => renderList(request, site, request.query, mode));
  });

  for (const path of withTrailingSlash(LEVER_POSTING_ROUTE)) scope.get<{ Params: { site: string; id: string } }>(path, bySite, async (request, reply) => {
    const site = await sites.find(request.params.site);
    allowOrigin(request, reply, site);
    if (!site || !lever.enabledFor(site)) throw new NotFoundError('Site');
    const id = request.params.id;
    if (!isUuid(id)) throw new NotFoundError('Posting');
    return cachedRead(services, request, reply, site, 'lever', async () => {
      const row = await fetchOne(scopeOfRequest(request).em, site.id, id.toLowerCase());
      if (!row) throw new NotFoundError('Posting');
      const posting = lever.mapPosting(row, site, publicUrl);
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(posting) };
    });
  });

  for (const path of withTrailingSlash(LEVER_POSTING_ROUTE)) scope.post<{ Params: { site: string; id: string }; Querystring: Query }>(path, { bodyLimit: FORM_BODY_LIMIT, config: { caller: 'query-key' } }, async (request, reply) => {
    const site = await siteOf(request.params.site);
    allowOrigin(request, reply, site);
    // The key before the body: a caller without it never gets to stream files.
    const callerScope = postingsKeyScope(request, site.id);
    const id = request.params.id;
    const posting = isUuid(id) ? await fetchOne(callerScope.em, site.id, id.toLowerCase()) : null;
    if (!posting) throw new NotFoundError('Posting');
    const apply = leverApplyInput(await readForm(request, 'resume', leverFileRule), posting.questions);
    const applicationId = await services.applicationIntake.apply(callerScope, { posting, input: apply.input, files: apply.files, candidateIp: apply.candidateIp, eeo: apply.eeo });
    return reply.status(200).header('cache-control', 'no-store').send({ ok: true, applicationId });
  });

  for (const route of [LEVER_LIST_ROUTE, LEVER_POSTING_ROUTE].flatMap(withTrailingSlash)) {
    scope.options<{ Params: { site: string } }>(route, async (request, reply) => {
      allowOrigin(request, reply, await sites.find(request.params.site), true);
      return reply.status(204).send();
    });
  }
}
