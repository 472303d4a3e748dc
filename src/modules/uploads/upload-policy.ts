import type { Principal } from '../../auth/principal';
import { BadInputError, ForbiddenError } from '../../errors';
import { CONTENT_TYPES, sniffInspectedDocument } from './content-sniffer';
import { logoProblemOf } from './logo-check';
import { inspectBuffer, type InspectedContent } from './upload-inspector';
import { UploadPurpose } from './upload-purpose';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
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

/** Checks the content (as inspected while it streamed) against the purpose and returns the content type to store. */
export async function detectContentType(purpose: UploadPurpose, bytesOrContent: Buffer | InspectedContent): Promise<string> {
  const content = Buffer.isBuffer(bytesOrContent) ? inspectBuffer(bytesOrContent) : bytesOrContent;
  if (content.size === 0) throw BadInputError.field('file', 'is empty');
  if (content.size > MAX_UPLOAD_BYTES) throw BadInputError.field('file', `must be at most ${MAX_UPLOAD_BYTES} bytes (10 MB)`);
  if (purpose === UploadPurpose.LOGO) {
    const problem = await logoProblemOf(content.head, content.size);
    if (problem) throw BadInputError.field('file', problem);
    return CONTENT_TYPES.png;
  }
  const kind = await sniffInspectedDocument(content);
  if (!kind) throw BadInputError.field('file', 'must be a pdf, doc, docx, rtf or plain-text (UTF-8) document; the type is detected from the content, not the name');
  return CONTENT_TYPES[kind];
}
