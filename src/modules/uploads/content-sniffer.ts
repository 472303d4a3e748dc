import { fileTypeFromBuffer } from 'file-type';
import type { InspectedContent } from './upload-inspector';
import { isPlainText } from './plain-text-rule';

/**
 * Decides a file's type from its bytes, never from its name or the client's
 * Content-Type: a `.pdf` name on PNG bytes is still a PNG. Binary formats are
 * recognized by `file-type` (signatures, ZIP and OLE containers); plain text, which
 * has no signature, by the plain-text rule (plain-text-rule.ts).
 */
export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  rtf: 'application/rtf',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
} as const;

export type SniffedKind = keyof typeof CONTENT_TYPES;
export type DocumentKind = Exclude<SniffedKind, 'png'>;

/** file-type's answer for each document kind we accept (it names OLE2 containers, such as .doc, `cfb`). */
const DOCUMENT_EXTENSIONS: Record<string, DocumentKind> = { pdf: 'pdf', cfb: 'doc', docx: 'docx', rtf: 'rtf' };

/** The smallest PDF a writer produces (header, one object, xref, trailer) is a few hundred bytes. */
export const MIN_PDF_BYTES = 64;

/**
 * `%PDF-` alone is a signature, not a document: require a version number, a plausible
 * size and the `%%EOF` marker in the last 1 KB, where readers look for it.
 */
export function isPlausiblePdf(bytes: Buffer): boolean {
  return isPlausiblePdfParts(bytes, bytes.subarray(Math.max(0, bytes.length - 1024)), bytes.length);
}

/** The same rule from the first bytes, the last 1 KB and the size (a streamed upload). */
function isPlausiblePdfParts(head: Buffer, tail: Buffer, size: number): boolean {
  if (size < MIN_PDF_BYTES || !/^%PDF-\d\.\d/.test(head.toString('latin1', 0, 8))) return false;
  return tail.includes('%%EOF', 0, 'latin1');
}

/** What file-type says the bytes are (`png`, `pdf`, `zip`, …), or null. */
export async function detectedExtension(bytes: Buffer): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes))?.ext ?? null;
}

/** The document kinds a resume or attachment may be, or `null`. */
export async function sniffDocument(bytes: Buffer): Promise<DocumentKind | null> {
  const ext = await detectedExtension(bytes);
  if (ext) {
    const kind = DOCUMENT_EXTENSIONS[ext] ?? null;
    return kind === 'pdf' && !isPlausiblePdf(bytes) ? null : kind;
  }
  return isPlainText(bytes) ? 'txt' : null;
}

/** `sniffDocument` for a streamed upload: the signature from its head, the PDF end marker from its tail, the text rule as scanned. */
export async function sniffInspectedDocument(content: InspectedContent): Promise<DocumentKind | null> {
  const ext = await detectedExtension(content.head);
  if (ext) {
    const kind = DOCUMENT_EXTENSIONS[ext] ?? null;
    return kind === 'pdf' && !isPlausiblePdfParts(content.head, content.tail, content.size) ? null : kind;
  }
  return content.plainText ? 'txt' : null;
}
