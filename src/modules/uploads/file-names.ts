const MAX_FILENAME_LENGTH = 200;

/**
 * Keeps the client's file name for display and downloads only: no directory part,
 * no control or bidi-override characters, bounded length. Never used to pick a type.
 */
export function sanitizeFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = cleaned.replace(/^\.+/, '') || 'upload';
  return [...name].slice(0, MAX_FILENAME_LENGTH).join('');
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact name, percent-encoded, so no header injection is possible. */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
