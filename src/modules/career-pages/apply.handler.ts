import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BadInputError, ConflictError, NotFoundError, RateLimitedError, type FieldProblem } from '../../errors';
import { isUuid } from '../../ids';
import { requestMeta } from '../../http/request-meta';
import { setTenant } from '../../db/request-scope';
import { validateApplication } from '../applications/application-validation';
import { QuestionKind } from '../postings/posting-enums';
import { fetchOne, type PostingRow } from '../postings/public-postings.query';
import { UploadPurpose } from '../uploads/upload-purpose';
import { detectContentType, MAX_UPLOAD_BYTES } from '../uploads/upload-policy';
import { emptyValues, formErrors, questionFieldName, RESUME_FIELD, toApplicationInput, valuesFromFields, type ApplyFormValues, type FormError, type UploadedPart } from './apply-form';
import type { Board, CareerContext } from './career-context';
import { CSRF_COOKIE, FORM_TOKEN_TTL_SECONDS } from './form-token';
import { hostedPagePrincipal } from './hosted-principal';
import { securityHeaders, sendHtml } from './page-headers';
import { applyPage } from './views/apply';
import { messagePage } from './views/message-page';
import { thanksPage } from './views/thanks';
import { FileTooLargeError } from '../uploads/upload-inspector';
import type { UploadService } from '../uploads/upload.service';
import { isBackingServiceOutage } from '../../outage';

type ApplyRequest = FastifyRequest<{ Params: { slug: string; postingId: string }; Querystring: Record<string, unknown> }>;

const NO_STORE = { 'cache-control': 'no-store' };
const idempotencyKeyOf = (nonce: string) => `hosted-form:${nonce}`;

async function visiblePosting(ctx: CareerContext, request: ApplyRequest): Promise<{ board: Board | null; row: PostingRow | null }> {
  const board = await ctx.board(request.params.slug);
  const postingId = request.params.postingId.toLowerCase();
  const row = board && isUuid(postingId) ? await fetchOne(ctx.services.orm.em.fork(), board.organization.id, postingId) : null;
  return { board, row };
}

/** The browser's CSRF cookie, set once and shared by every form it opens. */
function csrfCookie(ctx: CareerContext, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const value = ctx.tokens.newCookieValue();
  void reply.setCookie(CSRF_COOKIE, value, { path: '/jobs', httpOnly: true, sameSite: 'strict', secure: ctx.publicUrl.startsWith('https:'), maxAge: FORM_TOKEN_TTL_SECONDS });
  return value;
}

function renderForm(ctx: CareerContext, reply: FastifyReply, board: Board, row: PostingRow, cookie: string, values: ApplyFormValues, errors: FormError[], status: number) {
  const html = applyPage({
    postingTitle: row.title,
    postingPath: `${board.basePath}/${row.id}`,
    actionPath: `${board.basePath}/${row.id}/apply`,
    organizationName: board.organization.name,
    brand: board.brand,
    questions: row.questions,
    values,
    errors,
    token: ctx.tokens.issue(cookie, row.id),
  });
  return sendHtml(reply, status, html, { ...securityHeaders({ ...board.security, form: true }), ...NO_STORE });
}

export async function applyFormHandler(ctx: CareerContext, request: ApplyRequest, reply: FastifyReply) {
  const { board, row } = await visiblePosting(ctx, request);
  if (!board || !row) return ctx.notFound(reply, board);
  const source = typeof request.query.source === 'string' ? request.query.source.slice(0, 255) : '';
  return renderForm(ctx, reply, board, row, csrfCookie(ctx, request, reply), emptyValues(source), [], 200);
}

interface ParsedForm {
  fields: Map<string, string[]>;
  files: Map<string, UploadedPart>;
  problems: FieldProblem[];
}

/**
 * Reads the multipart body, streaming each file straight into the file store (memory stays flat
 * whatever the file size). A file over the limit is reported on its own field and leaves nothing
 * behind; the rest of the form is kept. Received files are recorded later, or discarded.
 */
async function readForm(request: FastifyRequest, uploads: UploadService): Promise<ParsedForm> {
  const form: ParsedForm = { fields: new Map(), files: new Map(), problems: [] };
  const tooLarge = (field: string) => form.problems.push({ field, message: `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Browsers send an empty part for a file input left empty.
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        const received = await uploads.receive(part.file).catch((err: FastifyError) => {
          if (err instanceof FileTooLargeError || err.code === 'FST_REQ_FILE_TOO_LARGE') tooLarge(part.fieldname);
          else throw err;
          return null;
        });
        if (!received) continue;
        if (received.content.size === 0) await uploads.discard(received);
        else form.files.set(part.fieldname, { filename: part.filename, received });
      } else if (typeof part.value === 'string') {
        form.fields.set(part.fieldname, [...(form.fields.get(part.fieldname) ?? []), part.value]);
      }
    }
  } catch (err) {
    // A broken body: nothing received from it is used.
    await discardAll(uploads, form);
    form.files.clear();
    if (err instanceof AppError) throw err;
    // The file store failed under the form (down, or its disk full): the scope's error page says so, not "your form was broken".
    if (isBackingServiceOutage(err)) throw err;
    const code = (err as FastifyError).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') tooLarge(RESUME_FIELD);
    else throw BadInputError.field('form', 'the form could not be read (malformed or truncated); please send it again');
  }
  return form;
}

/** Drops the received files that were not recorded (commit removes its own on failure). */
async function discardAll(uploads: UploadService, form: ParsedForm, recorded: ReadonlySet<string> = new Set()): Promise<void> {
  for (const [field, file] of form.files) if (!recorded.has(field)) await uploads.discard(file.received);
}

/** Problems the files have before anything is stored: type by content, size. */
async function fileProblems(form: ParsedForm, row: PostingRow): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const fileFields = [RESUME_FIELD, ...row.questions.map((q, i) => (q.kind === QuestionKind.FILE ? questionFieldName(i) : null)).filter((f): f is string => f !== null)];
  for (const field of fileFields) {
    const file = form.files.get(field);
    if (!file) continue;
    try {
      await detectContentType(field === RESUME_FIELD ? UploadPurpose.RESUME : UploadPurpose.ATTACHMENT, file.received.content);
    } catch (err) {
      if (!(err instanceof BadInputError)) throw err;
      problems.push(...err.problems.map((p) => ({ field, message: p.message })));
    }
  }
  return problems;
}

/** A form without our cookie or with a stale token: nothing was submitted. */
function sendFormExpired(reply: FastifyReply, board: Board, row: PostingRow) {
  return sendHtml(
    reply,
    403,
    messagePage({ title: 'Please try again', message: 'This form has expired or was not sent from this site. Open the form again and resend it.', brand: board.brand, link: { href: `${board.basePath}/${row.id}/apply`, text: 'Open the form again' } }),
    { ...securityHeaders(board.security), ...NO_STORE },
  );
}

export async function applySubmitHandler(ctx: CareerContext, request: ApplyRequest, reply: FastifyReply) {
  const { board, row } = await visiblePosting(ctx, request);
  if (!board || !row) return ctx.notFound(reply, board);
  const forbidden = () => sendFormExpired(reply, board, row);
  const cookie = request.cookies[CSRF_COOKIE];
  // No cookie, no form of ours: refuse before reading a body that may be megabytes.
  if (!request.isMultipart() || !cookie) return forbidden();
  let form: ParsedForm;
  try {
    form = await readForm(request, ctx.services.uploads);
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    return sendHtml(reply, 400, messagePage({ title: 'The form did not arrive whole', message: err.problems[0]?.message ?? 'Please send it again.', brand: board.brand }), {
      ...securityHeaders(board.security),
      ...NO_STORE,
    });
  }
  const recorded = new Set<string>();
  try {
    return await submit(ctx, request, reply, board, row, cookie, form, recorded);
  } finally {
    await discardAll(ctx.services.uploads, form, recorded);
  }
}

async function submit(
  ctx: CareerContext,
  request: ApplyRequest,
  reply: FastifyReply,
  board: Board,
  row: PostingRow,
  cookie: string,
  form: ParsedForm,
  recorded: Set<string>,
) {
  const thanksPath = `${board.basePath}/${row.id}/thanks`;
  const forbidden = () => sendFormExpired(reply, board, row);
  const token = ctx.tokens.check(form.fields.get('token')?.[0], cookie, row.id);
  if (!token.ok) return forbidden();
  const organizationId = board.organization.id;
  const key = idempotencyKeyOf(token.nonce!);
  // A second submit of the same form: the first one's application stands.
  if (await ctx.repository.applicationForToken(organizationId, key)) return reply.code(303).header('location', thanksPath).send();

  const values = valuesFromFields(form.fields, row.questions);
  const placeholders = new Map([...form.files.keys()].map((field) => [field, randomUUID()]));
  const draft = toApplicationInput(values, row.questions, placeholders);
  // The shared validation first (placeholder upload ids), so no file is stored for a form that cannot pass.
  const problems = [...form.problems, ...(await fileProblems(form, row))];
  try {
    validateApplication(draft.input, row.questions);
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    problems.push(...err.problems);
  }
  if (problems.length) return renderForm(ctx, reply, board, row, cookie, values, formErrors(problems, row.questions, draft.linkKeys), 400);

  const principal = hostedPagePrincipal(organizationId);
  const meta = { ...requestMeta(request), headers: { ...request.headers, 'idempotency-key': key } };
  const em = ctx.services.orm.em.fork();
  setTenant(em, organizationId);
  try {
    const uploads = new Map<string, string>();
    for (const [field, file] of form.files) {
      const purpose = field === RESUME_FIELD ? UploadPurpose.RESUME : UploadPurpose.ATTACHMENT;
      recorded.add(field); // commit records it, or drops it itself when it refuses
      const stored = await ctx.services.uploads.commit(principal, meta, { purpose, filename: file.filename }, file.received);
      uploads.set(field, stored.id);
    }
    const { input } = toApplicationInput(values, row.questions, uploads);
    await ctx.services.applicationIntake.applyPublicly({ em, principal, meta }, row.id, input);
    return reply.code(303).header('location', thanksPath).send();
  } catch (err) {
    if (err instanceof RateLimitedError) {
      const html = messagePage({
        title: 'Too many applications at once',
        message: `We receive a lot of applications right now. Please wait ${err.retryAfterSeconds} second${err.retryAfterSeconds === 1 ? '' : 's'} and send the form again; nothing was submitted.`,
        brand: board.brand,
      });
      return sendHtml(reply, 429, html, { ...securityHeaders(board.security), ...NO_STORE, 'retry-after': String(err.retryAfterSeconds) });
    }
    // Two submits of one form raced: the loser finds the winner's application.
    if (err instanceof ConflictError && (await ctx.repository.applicationForToken(organizationId, key))) return reply.code(303).header('location', thanksPath).send();
    if (err instanceof NotFoundError) return ctx.notFound(reply, board);
    if (err instanceof BadInputError) return renderForm(ctx, reply, board, row, cookie, values, formErrors(err.problems, row.questions, draft.linkKeys), 400);
    throw err;
  }
}

export async function thanksHandler(ctx: CareerContext, request: ApplyRequest, reply: FastifyReply) {
  const { board, row } = await visiblePosting(ctx, request);
  if (!board) return ctx.notFound(reply);
  // The posting may have closed since the candidate applied; the thanks still stand.
  const html = thanksPage({ postingTitle: row?.title ?? null, organizationName: board.organization.name, brand: board.brand });
  return sendHtml(reply, 200, html, { ...securityHeaders(board.security), ...NO_STORE });
}
