import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, BadInputError } from '../../errors';
import { MAX_UPLOAD_BYTES } from '../uploads';
import { assertTextField } from '../../http/text-guard';

/** A file part of a multipart apply. */
export interface FormFile {
  filename: string | undefined;
  bytes: Buffer;
}

/**
 * An apply body, whatever its encoding: JSON stays a nested object; urlencoded and
 * multipart fields become flat keys (`urls[GitHub]`, `consent[marketing]`), with a
 * repeated key collected into an array. Files exist only in multipart.
 */
export interface DialectForm {
  fields: Record<string, unknown>;
  files: Map<string, FormFile>;
}

export const MAX_FORM_FILES = 10;
/** Every file at its limit plus room for fields and framing. */
export const FORM_BODY_LIMIT = MAX_UPLOAD_BYTES * 2 + 512 * 1024;

function add(fields: Record<string, unknown>, key: string, value: string): void {
  const name = key.endsWith('[]') ? key.slice(0, -2) : key;
  const existing = fields[name];
  if (existing === undefined) fields[name] = key.endsWith('[]') ? [value] : value;
  else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/**
 * Registers, in the dialect plugin's scope only, the parsers its apply accepts
 * (urlencoded and multipart; JSON is Fastify's own), so no other route starts
 * accepting "simple" cross-site form posts.
 */
export async function registerFormParsers(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_FORM_FILES, fields: 200, parts: 220, fieldSize: 64 * 1024, headerPairs: 100 },
  });
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(body as string)) add(fields, key, value);
    done(null, fields);
  });
}

/** Why the dialect refuses a file part of this name, or null when it takes it. */
export type FileFieldRule = (field: string) => string | null;

/**
 * Reads the apply body into one shape; `fileField` names the field in errors about the body itself.
 * A file part that `refuseFile` refuses ends the read before its bytes are taken, so a stray
 * part is neither buffered nor ever staged.
 */
export async function readForm(request: FastifyRequest, fileField: string, refuseFile: FileFieldRule): Promise<DialectForm> {
  if (request.isMultipart()) {
    const form: DialectForm = { fields: {}, files: new Map() };
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const refusal = refuseFile(part.fieldname);
          if (refusal) {
            part.file.resume(); // drain it so the parser can end
            throw BadInputError.field(part.fieldname, refusal);
          }
          const bytes = await part.toBuffer();
          if (form.files.has(part.fieldname)) throw BadInputError.field(part.fieldname, 'send at most one file per field');
          form.files.set(part.fieldname, { filename: part.filename, bytes });
        } else if (typeof part.value === 'string') {
          assertTextField(part.fieldname, part.value);
          add(form.fields, part.fieldname, part.value);
        }
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as FastifyError | undefined)?.code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw BadInputError.field(fileField, `must be at most ${MAX_UPLOAD_BYTES} bytes (10 MB)`);
      if (code === 'FST_FILES_LIMIT') throw BadInputError.field(fileField, `at most ${MAX_FORM_FILES} files`);
      throw BadInputError.field(fileField, 'the multipart/form-data body could not be read (malformed, truncated or too many parts)');
    }
    return form;
  }
  const body = request.body;
  if (body == null) return { fields: {}, files: new Map() };
  if (typeof body !== 'object' || Array.isArray(body)) throw BadInputError.field('body', 'must be a JSON object or a form');
  return { fields: body as Record<string, unknown>, files: new Map() };
}

/** A single optional text value: strings as given, numbers and booleans as their text; anything else is refused. */
export function text(fields: Record<string, unknown>, name: string, problems: { field: string; message: string }[]): string | null {
  const value = fields[name];
  if (value == null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  problems.push({ field: name, message: 'must be a single text value' });
  return null;
}

/** `true`, `"true"`, `"1"`, `"on"` (and their false twins); null when absent. */
export function flag(fields: Record<string, unknown>, name: string, problems: { field: string; message: string }[]): boolean | null {
  const value = fields[name];
  if (value == null || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string' && /^(true|1|on|yes)$/i.test(value)) return true;
  if (typeof value === 'string' && /^(false|0|off|no)$/i.test(value)) return false;
  problems.push({ field: name, message: 'must be true or false' });
  return null;
}
