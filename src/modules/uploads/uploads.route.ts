import multipart from '@fastify/multipart';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BadInputError, UnauthenticatedError } from '../../errors';
import { knownError } from '../../http/error-reply';
import { assertMayUpload, MAX_UPLOAD_BYTES } from './upload-policy';
import type { ReceivedFile, UploadService } from './upload.service';
import { FileTooLargeError } from './upload-inspector';
import { isUploadPurpose } from './upload-purpose';
import { callerOf } from '../../http/scope-hook';
import { requestMeta } from '../../http/request-meta';
import { assertTextField, textGuard } from '../../http/text-guard';

export const UPLOADS_PATH = '/uploads';
/** The file plus a little room for the multipart framing and the `purpose` field. */
const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 512 * 1024;

function tooLarge(reply: FastifyReply) {
  return reply.status(413).send({
    error: { code: 'PAYLOAD_TOO_LARGE', message: `file: must be at most ${MAX_UPLOAD_BYTES} bytes (10 MB)` },
  });
}

interface ParsedUpload {
  purpose: string | undefined;
  filename: string | undefined;
  received: ReceivedFile | undefined;
}

/**
 * Reads the form: one `purpose` field and one `file` part, in either order. The file
 * streams into the store as it arrives (hashed and inspected on the way), so the
 * purpose is checked once the form has ended; a form that fails after the file was
 * stored drops it again.
 */
async function readForm(request: FastifyRequest, uploads: UploadService): Promise<ParsedUpload> {
  const form: ParsedUpload = { purpose: undefined, filename: undefined, received: undefined };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || form.received) {
          part.file.resume(); // drain it so the parser moves on
          throw BadInputError.field('file', 'send exactly one file, in a part named "file"');
        }
        form.filename = part.filename;
        form.received = await uploads.receive(part.file);
      } else if (part.fieldname === 'purpose') {
        if (typeof part.value === 'string') assertTextField('purpose', part.value);
        form.purpose = typeof part.value === 'string' ? part.value.trim() : undefined;
      }
    }
  } catch (err) {
    if (form.received) await uploads.discard(form.received);
    throw err;
  }
  return form;
}

/**
 * What fails while reading the form is the client's body (limits, truncation, a
 * missing boundary) unless the file store failed under it: a store that cannot be
 * reached is a 503 and a full disk a 507 (knownError), never "your file is broken".
 */
function translateParserError(err: unknown, log: FastifyBaseLogger): unknown {
  const known = knownError(err, log);
  if (known) return known;
  const code = (err as FastifyError | undefined)?.code;
  if (code === 'FST_FILES_LIMIT') return BadInputError.field('file', 'send exactly one file');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return BadInputError.field('purpose', 'too many form fields; send only purpose and file');
  return BadInputError.field('file', 'the multipart/form-data body could not be read (malformed or truncated)');
}

/**
 * `POST /uploads`: stages a file for a later mutation to reference by id. The
 * multipart parser is registered only in this plugin's scope, so the GraphQL
 * endpoints never accept multipart bodies (no CSRF-able "simple" requests there).
 */
export async function registerUploadRoutes(app: FastifyInstance, services: { uploads: UploadService }): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      // One byte past the limit reaches the inspector, which cuts the stream there (and the store drops the partial object).
      limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 5, parts: 8, fieldSize: 1024, headerPairs: 100 },
    });
    scope.addHook('preValidation', textGuard());

    scope.post(UPLOADS_PATH, { bodyLimit: UPLOAD_BODY_LIMIT, config: { caller: 'header' } }, async (request, reply) => {
      // Credentials before the body (the principal hook ran in onRequest): an anonymous or unauthorized caller never gets to stream 10 MB.
      const meta = requestMeta(request);
      const principal = callerOf(request);
      if (!principal) {
        throw new UnauthenticatedError('POST /uploads needs a session, a data key with uploads.upload, or the postings key (Authorization: Bearer …)');
      }
      assertMayUpload(principal, null);
      await services.uploads.admit(principal, meta.ip);
      if (Number(request.headers['content-length'] ?? 0) > UPLOAD_BODY_LIMIT) return tooLarge(reply);
      if (!request.isMultipart()) throw BadInputError.field('file', 'send multipart/form-data with the fields purpose and file');

      let form: ParsedUpload;
      try {
        form = await readForm(request, services.uploads);
      } catch (err) {
        if (err instanceof FileTooLargeError) return tooLarge(reply);
        if ((err as FastifyError).statusCode === 413 && (err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(reply);
        throw translateParserError(err, request.log);
      }
      if (!form.received) {
        if (!isUploadPurpose(form.purpose)) throw BadInputError.field('purpose', 'must be RESUME, ATTACHMENT or LOGO');
        assertMayUpload(principal, form.purpose);
        throw BadInputError.field('file', 'is required (a multipart file part named "file")');
      }
      const file = await services.uploads.commit(principal, meta, form, form.received);
      return reply.status(201).send({ id: file.id, filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 });
    });
  });
}
