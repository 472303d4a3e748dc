import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BadInputError, UnauthenticatedError } from '../../errors';
import { assertMayUpload, MAX_UPLOAD_BYTES } from './upload-policy';
import type { UploadService } from './upload.service';
import { callerOf } from '../../http/principal-hook';
import { requestMeta } from '../../http/request-meta';

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
  bytes: Buffer | undefined;
}

/** Reads the form: one `purpose` field and one `file` part, in either order. */
async function readForm(request: FastifyRequest): Promise<ParsedUpload> {
  const form: ParsedUpload = { purpose: undefined, filename: undefined, bytes: undefined };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || form.bytes) {
        part.file.resume(); // drain it so the parser moves on
        throw BadInputError.field('file', 'send exactly one file, in a part named "file"');
      }
      form.filename = part.filename;
      form.bytes = await part.toBuffer();
    } else if (part.fieldname === 'purpose') {
      form.purpose = typeof part.value === 'string' ? part.value.trim() : undefined;
    }
  }
  return form;
}

/**
 * Everything that fails while reading the form is the client's body (limits,
 * truncation, a missing boundary): translate it to the API's shape, never a 500.
 */
function translateParserError(err: unknown): unknown {
  if (err instanceof AppError) return err;
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
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 8, fieldSize: 1024, headerPairs: 100 },
    });

    scope.post(UPLOADS_PATH, { bodyLimit: UPLOAD_BODY_LIMIT, config: { authenticate: true } }, async (request, reply) => {
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
        form = await readForm(request);
      } catch (err) {
        if ((err as FastifyError).statusCode === 413 && (err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(reply);
        throw translateParserError(err);
      }
      const file = await services.uploads.stage(principal, meta, form);
      return reply.status(201).send({ id: file.id, filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 });
    });
  });
}
