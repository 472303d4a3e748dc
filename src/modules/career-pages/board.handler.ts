import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadInputError } from '../../errors';
import { PostingOrder, encodeCursor, fetchCounts, fetchPage, filterConditions, FACET_NAMES, type PostingRow } from '../postings';
import { boardUrl, PAGE_SIZE, parseBoardState, stateKey, toPostingFilter, type BoardState } from './board-state';
import type { Board, CareerContext } from './career-context';
import { securityHeaders, sendHtml } from './page-headers';
import { boardPage } from './views/board';
import { messagePage } from './views/message-page';

type BoardRequest = FastifyRequest<{ Params: { slug: string }; Querystring: Record<string, unknown> }>;

/**
 * One page of the board. NEWEST order; "Previous" walks back with an OLDEST
 * cursor from the page's first row (the exact reverse order), so both directions
 * are keyset reads that work as plain links.
 */
async function pageOf(ctx: CareerContext, board: Board, state: BoardState) {
  const { em } = board;
  const conditions = filterConditions(toPostingFilter(state));
  const backwards = Boolean(state.before);
  const [page, counts] = await Promise.all([
    backwards
      ? fetchPage(em, board.organization.id, conditions, PostingOrder.OLDEST, PAGE_SIZE, state.before)
      : fetchPage(em, board.organization.id, conditions, PostingOrder.NEWEST, PAGE_SIZE, state.after),
    fetchCounts(em, board.organization.id, conditions, true, FACET_NAMES.filter((f) => f !== 'countries')),
  ]);
  const rows: PostingRow[] = backwards ? [...page.rows].reverse() : page.rows;
  const hasNext = backwards ? rows.length > 0 : page.hasNextPage;
  const hasPrevious = backwards ? page.hasNextPage : Boolean(state.after) && rows.length > 0;
  const next = hasNext && rows.length ? boardUrl(board.basePath, state, { after: encodeCursor(PostingOrder.NEWEST, rows.at(-1)!), before: null }) : null;
  const previous = hasPrevious ? boardUrl(board.basePath, state, { before: encodeCursor(PostingOrder.OLDEST, rows[0]!), after: null }) : null;
  return { rows, counts, next, previous };
}

export async function boardHandler(ctx: CareerContext, request: BoardRequest, reply: FastifyReply) {
  const { slug } = request.params;
  const state = parseBoardState(request.query);
  const knownId = ctx.knownOrganizationId(slug);
  if (knownId) {
    const hit = ctx.cache.get(ctx.cache.key(knownId, 'board', { state: stateKey(state) }));
    if (hit) return ctx.sendPage(request, reply, hit, true);
  }
  const board = await ctx.board(request);
  if (!board) return ctx.notFound(reply);
  let result: Awaited<ReturnType<typeof pageOf>>;
  try {
    result = await pageOf(ctx, board, state);
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    // A hand-edited cursor or an over-long search: explain, and offer the first page.
    const html = messagePage({ title: 'This link does not work', message: 'The search or page in this link is not valid.', brand: board.brand, link: { href: board.basePath, text: 'Start from the first page' } });
    return sendHtml(reply, 400, html, { ...securityHeaders(board.security), 'cache-control': 'no-store' });
  }
  const canonicalState: BoardState = { ...state, after: null, before: null };
  const html = boardPage({
    organizationName: board.organization.name,
    intro: board.organization.settings.intro ?? null,
    brand: board.brand,
    basePath: board.basePath,
    canonical: `${ctx.publicUrl}${boardUrl(board.basePath, canonicalState)}`,
    state,
    total: result.counts.total ?? 0,
    facets: result.counts.facets,
    postings: result.rows.map((r) => ({ id: r.id, title: r.title, team: r.team, commitment: r.commitment, workplaceType: r.workplace_type, locations: r.locations })),
    previous: result.previous,
    next: result.next,
  });
  const headers = { ...securityHeaders(board.security), 'content-type': 'text/html; charset=utf-8' };
  const page = ctx.cache.put(ctx.cache.key(board.organization.id, 'board', { state: stateKey(state) }), html, headers);
  return ctx.sendPage(request, reply, page, false);
}
