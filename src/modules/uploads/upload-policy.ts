import type { Principal } from '../../auth/principal';
import { BadInputError, ForbiddenError } from '../../errors';
import { CONTENT_TYPES, isPng, sniffDocument } from './content-sniffer';
import { UploadPurpose } from './upload-purpose';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_LOGO_BYTES = 500 * 1024;
export const UPLOAD_OPERATION = 'uploads.upload';

/**
 * Who may stage uploads: a session; a data key granted `uploads.upload`; the postings
 * key (career sites upload resumes), but never a logo. `purpose` is null when the
 * body has not been read yet, which checks everything but the logo rule.
 */
export function assertMayUpload(principal: Principal, purpose: UploadPurpose | null): void {
  if (principal.kind === 'DATA_KEY' && !principal.grants.has(UPLOAD_OPERATION)) {
    throw new ForbiddenError(`this API key lacks the ${UPLOAD_OPERATION} permission`, { operation: UPLOAD_OPERATION });
  }
  if (principal.kind === 'POSTINGS_KEY' && purpose === UploadPurpose.LOGO) {
    throw new ForbiddenError('the postings key may upload resumes and attachments, not logos');
  }
}

/** Checks the bytes against the purpose and returns the content type to store. */
export function detectContentType(purpose: UploadPurpose, bytes: Buffer): string {
  if (bytes.length === 0) throw BadInputError.field('file', 'is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) throw BadInputError.field('file', `must be at most ${MAX_UPLOAD_BYTES} bytes (10 MB)`);
  if (purpose === UploadPurpose.LOGO) {
    if (!isPng(bytes)) throw BadInputError.field('file', 'a logo must be a PNG image (checked from its content, not its name)');
    if (bytes.length > MAX_LOGO_BYTES) throw BadInputError.field('file', `a logo must be smaller than 500 KB (${MAX_LOGO_BYTES} bytes)`);
    return CONTENT_TYPES.png;
  }
  const kind = sniffDocument(bytes);
  if (!kind) throw BadInputError.field('file', 'must be a pdf, doc, docx, rtf or plain-text (UTF-8) document; the type is detected from the content, not the name');
  return CONTENT_TYPES[kind];
}
