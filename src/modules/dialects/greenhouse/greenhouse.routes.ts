import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BadInputError, NotFoundError } from '../../../errors';
import { scopeOfRequest } from '../../../http/scope-hook';
import type { Dialect, DialectContext } from '../dialect';
import { postingsKeyScope } from '../dialect-caller';
import { FORM_BODY_LIMIT, readForm, registerFormParsers } from '../dialect-form';
import { allowOrigin, cachedRead, withTrailingSlash, type CachedRead } from '../dialect-http';
import type { DialectSite } from '../dialect-site.repository';
import { visiblePostings } from '../visible-postings';
import { fetchOneByBoardId, type PostingRow } from '../../postings';
import { BoardGroupRepository } from './board-group.repository';
import { asTree, departmentNodes, jobDepartments, jobOffices, officeNodes, type BoardContext } from './greenhouse-board';
import { greenhouseApplyInput, greenhouseFileRule } from './greenhouse-apply-input';
import { demographicQuestions } from './greenhouse-demographics';
import { groupsOf, job, jobContent, jobQuestions, payInputRanges, type GreenhouseJob } from './greenhouse-job';

export const GREENHOUSE_BOARD_ROUTE = '/v1/boards/:token';
/** Greenhouse lists every job; Jobgate answers at most this many (documented in the README). */
export const GREENHOUSE_MAX_JOBS = 10_000;
const JSON_TYPE = 'application/json; charset=utf-8';
const INTEGER_ID = /^\d{1,15}$/;

type Query = Record<string, string | string[] | undefined>;

/** Greenhouse names what was not found (`Job not found`, `Department not found`, …). */
export class NotFound extends NotFoundError {
  constructor(readonly what: 'Job' | 'Department' | 'Office' | 'Job board') {
    super(what);
  }
}

function isTrue(query: Query, name: string): boolean {
  return query[name] === 'true' || query[name] === '1';
}

function renderAs(query: Query): 'list' | 'tree' {
  const value = query.render_as ?? 'list';
  if (value !== 'list' && value !== 'tree') throw BadInputError.field('render_as', 'must be list or tree');
  return value;
}

type Linked = { id: number; parent_id: number | null; child_ids: number[] };

function listNodes(kind: 'departments' | 'offices', ctx: BoardContext): Linked[] {
  return kind === 'departments' ? departmentNodes(ctx) : officeNodes(ctx);
}

/** In a tree, an office's departments are a tree too (as Greenhouse renders them). */
function treeNodes(kind: 'departments' | 'offices', ctx: BoardContext): Linked[] {
  if (kind === 'departments') return departmentNodes(ctx);
  return officeNodes(ctx).map((office) => ({ ...office, departments: asTree(office.departments) }));
}

const ok = (body: unknown): CachedRead => ({ status: 200, contentType: JSON_TYPE, body: JSON.stringify(body) });

/**
 * Greenhouse Job Board API (`grnhse/greenhouse-api-docs`, job board section), as
 * a thin adapter over the public postings query, visibility rule, response cache
 * and apply path. `:token` is the organization's slug; reads need no key; jobs,
 * departments and offices have stable integer ids (postings.board_id, board_groups).
 */
export async function registerGreenhouseRoutes(scope: FastifyInstance, { services, sites }: DialectContext, greenhouse: Dialect<PostingRow, GreenhouseJob>): Promise<void> {
  const publicUrl = services.config.publicUrl;

  /** Every visible posting and the ids of every group they mention. */
  async function board(request: FastifyRequest, site: DialectSite): Promise<BoardContext> {
    const { em } = scopeOfRequest(request);
    const rows = await visiblePostings(em, site.id, null, GREENHOUSE_MAX_JOBS);
    const ids = await new BoardGroupRepository(em).idsFor(site.id, groupsOf(rows));
    return { rows, ids, base: { slug: site.slug, careersSiteUrl: site.careersSiteUrl }, publicUrl };
  }

  function fullJob(ctx: BoardContext, departments: ReturnType<typeof departmentNodes>, row: PostingRow) {
    const byId = new Map(departments.map((d) => [d.id, d]));
    return { ...job(row, ctx.base, publicUrl), content: jobContent(row), departments: jobDepartments(ctx, byId, row), offices: jobOffices(ctx, row) };
  }

  async function read(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, render: (site: DialectSite) => Promise<CachedRead>) {
    const site = await sites.find(request.params.token);
    allowOrigin(request, reply, site);
    if (!site || !greenhouse.enabledFor(site)) throw new NotFound('Job board');
    return cachedRead(services, request, reply, site, 'greenhouse', () => render(site));
  }

  await registerFormParsers(scope);

  // Reads call as the organization `:token` names; the apply takes the postings key in the Authorization header.
  const byToken = { config: { caller: 'org-slug' as const, slugParam: 'token' } };
  for (const path of withTrailingSlash(GREENHOUSE_BOARD_ROUTE)) {
    scope.get<{ Params: { token: string } }>(path, byToken, (request, reply) =>
      // Jobgate has no board introduction text yet, so `content` is empty.
      read(request, reply, async (site) => ok({ name: site.name, content: '' })),
    );
  }

  for (const path of withTrailingSlash(`${GREENHOUSE_BOARD_ROUTE}/jobs`)) scope.get<{ Params: { token: string }; Querystring: Query }>(path, byToken, (request, reply) =>
    read(request, reply, async (site) => {
      const withContent = isTrue(request.query, 'content');
      const ctx = await board(request, site);
      const departments = withContent ? departmentNodes(ctx) : [];
      const jobs = ctx.rows.map((row) => (withContent ? fullJob(ctx, departments, row) : greenhouse.mapPosting(row, site, publicUrl)));
      return ok({ jobs, meta: { total: jobs.length } });
    }),
  );

  for (const path of withTrailingSlash(`${GREENHOUSE_BOARD_ROUTE}/jobs/:id`)) scope.get<{ Params: { token: string; id: string }; Querystring: Query }>(path, byToken, (request, reply) =>
    read(request, reply, async (site) => {
      const id = request.params.id;
      const { em } = scopeOfRequest(request);
      const row = INTEGER_ID.test(id) ? await fetchOneByBoardId(em, site.id, id) : null;
      if (!row) throw new NotFound('Job');
      const ids = await new BoardGroupRepository(em).idsFor(site.id, groupsOf([row]));
      const ctx: BoardContext = { rows: [row], ids, base: { slug: site.slug, careersSiteUrl: site.careersSiteUrl }, publicUrl };
      const body: Record<string, unknown> = fullJob(ctx, departmentNodes(ctx), row);
      if (isTrue(request.query, 'questions')) {
        body.questions = jobQuestions(row);
        body.location_questions = [];
        body.data_compliance = [];
        const demographics = demographicQuestions(site.eeoQuestions);
        if (demographics) body.demographic_questions = demographics;
      }
      if (isTrue(request.query, 'pay_transparency')) body.pay_input_ranges = payInputRanges(row);
      return ok(body);
    }),
  );

  for (const kind of ['departments', 'offices'] as const) {
    for (const path of withTrailingSlash(`${GREENHOUSE_BOARD_ROUTE}/${kind}`)) scope.get<{ Params: { token: string }; Querystring: Query }>(path, byToken, (request, reply) =>
      read(request, reply, async (site) => {
        const as = renderAs(request.query);
        const ctx = await board(request, site);
        return ok({ [kind]: as === 'tree' ? asTree(treeNodes(kind, ctx)) : listNodes(kind, ctx) });
      }),
    );

    for (const path of withTrailingSlash(`${GREENHOUSE_BOARD_ROUTE}/${kind}/:id`)) scope.get<{ Params: { token: string; id: string }; Querystring: Query }>(path, byToken, (request, reply) =>
      read(request, reply, async (site) => {
        const as = renderAs(request.query);
        const what = kind === 'departments' ? 'Department' : 'Office';
        if (!INTEGER_ID.test(request.params.id)) throw new NotFound(what);
        const ctx = await board(request, site);
        const id = Number(request.params.id);
        const node = listNodes(kind, ctx).find((n) => n.id === id);
        if (!node) throw new NotFound(what);
        return ok(as === 'tree' ? asTree(treeNodes(kind, ctx), id)[0] : node);
      }),
    );
  }

  for (const path of withTrailingSlash(`${GREENHOUSE_BOARD_ROUTE}/jobs/:id`)) scope.post<{ Params: { token: string; id: string } }>(path, { bodyLimit: FORM_BODY_LIMIT, config: { caller: 'header' } }, async (request, reply) => {
    const site = await sites.find(request.params.token);
    allowOrigin(request, reply, site);
    if (!site || !greenhouse.enabledFor(site)) throw new NotFound('Job board');
    // HTTP Basic with the postings key as the username (Bearer works too), checked before the body is read.
    const callerScope = postingsKeyScope(request, site.id);
    const id = request.params.id;
    const posting = INTEGER_ID.test(id) ? await fetchOneByBoardId(callerScope.em, site.id, id) : null;
    if (!posting) throw new NotFound('Job');
    const apply = greenhouseApplyInput(await readForm(request, 'resume', greenhouseFileRule(posting.questions)), posting.questions);
    let applicationId: string;
    try {
      applicationId = await services.applicationIntake.apply(callerScope, { posting, input: apply.input, files: apply.files, eeo: apply.eeo });
    } catch (err) {
      // The shared validation knows one `name`; here it is first_name and last_name.
      if (err instanceof BadInputError) throw new BadInputError(err.problems.map((p) => (p.field === 'name' ? { ...p, field: 'first_name/last_name' } : p)));
      throw err;
    }
    return reply.status(200).header('cache-control', 'no-store').send({ success: 'Candidate saved successfully', application_id: applicationId });
  });

  for (const route of [...withTrailingSlash(GREENHOUSE_BOARD_ROUTE), `${GREENHOUSE_BOARD_ROUTE}/*`]) {
    scope.options<{ Params: { token: string } }>(route, async (request, reply) => {
      allowOrigin(request, reply, await sites.find(request.params.token), true);
      return reply.status(204).send();
    });
  }
}
