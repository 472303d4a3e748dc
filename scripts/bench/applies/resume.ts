export const RESUME_BYTES = 200 * 1024;

/** A PDF that passes content sniffing, padded with a comment to 200 KB (PDF readers skip `%` lines). */
export function resumePdf(): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const pad = Buffer.concat([Buffer.from('%'), Buffer.alloc(RESUME_BYTES - head.length - tail.length - 1, 0x61)]);
  return Buffer.concat([head, pad, tail]);
}
