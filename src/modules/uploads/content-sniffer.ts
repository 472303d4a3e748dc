/**
 * Decides a file's type from its bytes, never from its name or the client's
 * Content-Type: a `.pdf` name on PNG bytes is still a PNG.
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function startsWith(bytes: Buffer, prefix: Buffer | string): boolean {
  const p = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= p.length && bytes.subarray(0, p.length).equals(p);
}

/** PNG signature, then a 13-byte IHDR chunk with a non-zero width and height. */
export function isPng(bytes: Buffer): boolean {
  if (bytes.length < 33 || !startsWith(bytes, PNG_SIGNATURE)) return false;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return false;
  return bytes.readUInt32BE(16) > 0 && bytes.readUInt32BE(20) > 0;
}

/** Entry names from the ZIP central directory (found through the end-of-central-directory record). */
export function zipEntryNames(bytes: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isDocx(bytes: Buffer): boolean {
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return false;
  return zipEntryNames(bytes)?.some((name) => name.startsWith('word/')) ?? false;
}

/**
 * Plain text: valid UTF-8, no NUL byte, and control characters other than tab,
 * newline, carriage return and form feed in at most 1% of the characters
 * (binary formats fail this quickly).
 */
export function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls <= text.length / 100;
}

/** The document kinds a resume or attachment may be, or `null`. */
export function sniffDocument(bytes: Buffer): Exclude<SniffedKind, 'png'> | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, OLE2_SIGNATURE)) return 'doc';
  if (isDocx(bytes)) return 'docx';
  if (startsWith(bytes, '{\\rtf')) return 'rtf';
  if (isPlainText(bytes)) return 'txt';
  return null;
}
