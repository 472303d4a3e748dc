import { systemFork } from '../../db/request-scope';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BadInputError, ConflictError, NotFoundError, RateLimitedError, type FieldProblem } from '../../errors';
import { isUuid } from '../../ids';
import { callerOf, scopeOfRequest } from '../../http/scope-hook';
import type { Scope } from '../../auth/scope';
import type { IncomingFile } from '../applications';
import { assertTextField, BadTextError } from '../../http/text-guard';
import { sendBadTextPage } from './bad-text-page';
import { QuestionKind, fetchOne, type PostingRow } from '../postings';
import { UploadPurpose, MAX_UPLOAD_BYTES, FileTooLargeError, type UploadService } from '../uploads';
import { EEO_QUESTIONS, eeoAnswersFrom } from '../eeo';
import { eeoFieldName, emptyValues, formErrors, questionFieldName, RESUME_FIELD, toApplicationInput, valuesFromFields, type ApplyFormValues, type FormError, type UploadedPart } from './apply-form';
import type { Board, CareerContext } from './career-context';
import { formPostFromAllowedOrigin } from './form-origin';
import { securityHeaders, sendHtml } from './page-headers';
import { applyPage } from './views/apply';
import { messagePage } from './views/message-page';
import { thanksPage } from './views/thanks';
import { isBackingServiceOutage } from '../../outage';

type ApplyRequest = FastifyRequest<{ Params: { slug: string; postingId: string }; Querystring: Record<string, unknown> }>;

const NO_STORE = { 'cache-control': 'no-store' };
const idempotencyKeyOf = (nonce: string) => `hosted-form:${nonce}`;

async function visiblePosting(ctx: CareerContext, request: ApplyRequest): Promise<{ board: Board | null; row: PostingRow | null }> {
  const board = await ctx.board(request);
  const postingId = request.params.postingId.toLowerCase();
  const row = board && isUuid(postingId) ? await fetchOne(board.em, board.organization.id, postingId) : null;
  return { board, row };
}

async function renderForm(ctx: CareerContext, reply: FastifyReply, board: Board, row: PostingRow, values: ApplyFormValues, errors: FormError[], status: number) {
  const notice = await ctx.services.privacyNotices.current(systemFork(ctx.services.orm), board.organization.id);
  const html = applyPage({
    privacyNotice: notice && { version: notice.version, text: notice.text, url: notice.url },
    postingTitle: row.title,
    postingPath: `${board.basePath}/${row.id}`,
    actionPath: `${board.basePath}/${row.id}/apply`,
    organizationName: board.organization.name,
    brand: board.brand,
    questions: row.questions,
    eeoQuestions: EEO_QUESTIONS.filter((spec) => (board.organization.settings.eeoQuestions ?? []).includes(spec.question)),
    values,
    errors,
    token: ctx.tokens.issue(row.id),
  });
  return sendHtml(reply, status, html, { ...securityHeaders({ ...board.security, form: true }), ...NO_STORE });
}

export async function applyFormHandler(ctx: CareerContext, request: ApplyRequest, reply: FastifyReply) {
  const { board, row } = await visiblePosting(ctx, request);
  if (!board || !row) return ctx.notFound(reply, board);
  const source = typeof request.query.source === 'string' ? request.query.source.slice(0, 255) : '';
  return renderForm(ctx, reply, board, row, emptyValues(source), [], 200);
}

interface ParsedForm {
  fields: Map<string, string[]>;
  files: Map<string, UploadedPart>;
  problems: FieldProblem[];
}

/** A file part the form does not ask for (or a second one for a field): refused before it is stored. */
class UnexpectedFileError extends BadInputError {}

/** The file inputs of this posting's form: the resume and each FILE question. */
function fileFieldsOf(row: PostingRow): Set<string> {
  const questions = row.questions.flatMap((q, i) => (q.kind === QuestionKind.FILE ? [questionFieldName(i)] : []));
  return new Set([RESUME_FIELD, ...questions]);
}

/**
 * Reads the multipart body, streaming each file straight into the file store (memory stays flat
 * whatever the file size). A file over the limit is reported on its own field and leaves nothing
 * behind; the rest of the form is kept. Received files are recorded later, or discarded.
 * Only the form's own file inputs (`fileFields`) are stored: any other file part ends the read
 * before a byte of it is written, so nobody can park files in the organization's upload quota.
 */
async function readForm(request: FastifyRequest, uploads: UploadService, fileFields: ReadonlySet<string>): Promise<ParsedForm> {
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
        if (!fileFields.has(part.fieldname) || form.files.has(part.fieldname)) {
          part.file.resume(); // drain it so the parser can end
          const known = fileFields.has(part.fieldname);
          throw new UnexpectedFileError([{ field: part.fieldname, message: known ? 'send at most one file for this field' : 'this form has no such file field; nothing was stored' }]);
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
        assertTextField(part.fieldname, part.value);
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

/** Drops the received files nobody took over (the apply use case discards or records those it was given). */
async function discardAll(uploads: UploadService, form: ParsedForm, recorded: ReadonlySet<string> = new Set()): Promise<void> {
  for (const [field, file] of form.files) if (!recorded.has(field)) await uploads.discard(file.received);
}

/** A form from another site or with a stale, forged or foreign token: nothing was submitted. */
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
  // Posted from another site: refuse before reading a body that may be megabytes.
  if (!request.isMultipart() || !formPostFromAllowedOrigin(request, ctx.publicUrl, board.security.frameOrigins)) return forbidden();
  let form: ParsedForm;
  try {
    form = await readForm(request, ctx.services.uploads, fileFieldsOf(row));
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    if (err instanceof BadTextError) return sendBadTextPage(reply, err.problems, board.brand);
    const problem = err.problems[0];
    const page =
      err instanceof UnexpectedFileError
        ? { title: 'The form sent a file it does not ask for', message: `File field "${problem?.field}": ${problem?.message}. Open the form again and send it from there.` }
        : { title: 'The form did not arrive whole', message: problem?.message ?? 'Please send it again.' };
    return sendHtml(reply, 400, messagePage({ ...page, brand: board.brand }), { ...securityHeaders(board.security), ...NO_STORE });
  }
  const handedOver = new Set<string>();
  try {
    return await submit(ctx, request, reply, board, row, form, handedOver);
  } finally {
    await discardAll(ctx.services.uploads, form, handedOver);
  }
}

async function submit(
  ctx: CareerContext,
  request: ApplyRequest,
  reply: FastifyReply,
  board: Board,
  row: PostingRow,
  form: ParsedForm,
  handedOver: Set<string>,
) {
  const thanksPath = `${board.basePath}/${row.id}/thanks`;
  const forbidden = () => sendFormExpired(reply, board, row);
  const token = ctx.tokens.check(form.fields.get('token')?.[0], row.id);
  if (!token.ok) return forbidden();
  const organizationId = board.organization.id;
  const key = idempotencyKeyOf(token.nonce!);
  // A second submit of the same form: the first one's application stands.
  if (await ctx.reads.applicationForToken(organizationId, key)) return reply.code(303).header('location', thanksPath).send();

  const values = valuesFromFields(form.fields, row.questions);
  const draft = toApplicationInput(values, row.questions, new Map());
  // Voluntary answers, checked with everything else and stored apart from the application.
  const eeo = eeoAnswersFrom(values.eeo, eeoFieldName, form.problems);
  const files = [...form.files].map(([field, file]): IncomingFile => {
    const question = row.questions.findIndex((_q, i) => questionFieldName(i) === field);
    return {
      field,
      purpose: field === RESUME_FIELD ? UploadPurpose.RESUME : UploadPurpose.ATTACHMENT,
      target: question === -1 ? { kind: 'resume' } : { kind: 'answer', questionId: row.questions[question]!.id },
      filename: file.filename,
      content: file.received,
    };
  });
  const caller = pageScope(request);
  if (!caller) return ctx.notFound(reply, board);
  // From here the use case owns the received files: it records them, or drops them.
  for (const field of form.files.keys()) handedOver.add(field);
  try {
    await ctx.services.applicationIntake.apply(
      { ...caller, meta: { ...caller.meta, headers: { ...request.headers, 'idempotency-key': key } } },
      { posting: row, input: draft.input, files, problems: form.problems, eeo },
    );
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
    if (err instanceof ConflictError && (await ctx.reads.applicationForToken(organizationId, key))) return reply.code(303).header('location', thanksPath).send();
    if (err instanceof NotFoundError) return ctx.notFound(reply, board);
    if (err instanceof BadInputError) return renderForm(ctx, reply, board, row, values, formErrors(err.problems, row.questions, draft.linkKeys), 400);
    throw err;
  }
}

/** The hosted page's caller (the organization its slug names, made by the scope hook), or null for an unknown slug. */
function pageScope(request: ApplyRequest): Scope | null {
  const principal = callerOf(request);
  if (!principal) return null;
  const { em, meta } = scopeOfRequest(request);
  return { principal, em, meta };
}

export async function thanksHandler(ctx: CareerContext, request: ApplyRequest, reply: FastifyReply) {
  const { board, row } = await visiblePosting(ctx, request);
  if (!board) return ctx.notFound(reply);
  // The posting may have closed since the candidate applied; the thanks still stand.
  const html = thanksPage({ postingTitle: row?.title ?? null, organizationName: board.organization.name, brand: board.brand });
  return sendHtml(reply, 200, html, { ...securityHeaders(board.security), ...NO_STORE });
}
