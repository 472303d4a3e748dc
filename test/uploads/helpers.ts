import { crc32 } from 'node:zlib';
import type { TestApp } from '../helpers/test-app';

/** Hand-built sample files: just enough of each format for content sniffing. */
export function pngBytes(padTo = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  const base = Buffer.concat(parts).length + 12 * 2;
  if (padTo > base) parts.push(chunk('tEXt', Buffer.alloc(padTo - base, 0x61)));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A stored (uncompressed) ZIP with the given entry names (and optional contents) and a central directory. */
export function zipBytes(names: string[], contents: Record<string, string> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(contents[name] ?? `<x>${name}</x>`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    const entry = Buffer.concat([local, nameBytes, data]);
    locals.push(entry);
    centrals.push(Buffer.concat([central, nameBytes]));
    offset += entry.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export const samples = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  doc: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]),
  docx: zipBytes(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'], {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  }),
  rtf: Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello resume}'),
  txt: Buffer.from('Ada Lovelace\nAnalytical engines, 1843–1852.\n'),
  png: pngBytes(),
};

import { multipart, type Part } from '../helpers/multipart';

export { multipart, type Part };

export interface UploadResult {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  headers: Record<string, unknown>;
}

export async function upload(
  t: TestApp,
  opts: { token?: string; purpose?: string; filename?: string; bytes?: Buffer; contentType?: string; headers?: Record<string, string>; remoteAddress?: string },
): Promise<UploadResult> {
  const parts: Part[] = [];
  if (opts.purpose !== undefined) parts.push({ name: 'purpose', value: opts.purpose });
  if (opts.bytes) parts.push({ name: 'file', value: opts.bytes, filename: opts.filename ?? 'file.bin', contentType: opts.contentType });
  const form = multipart(parts);
  const headers: Record<string, string> = { 'content-type': form.contentType, ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await t.app.inject({ method: 'POST', url: '/uploads', headers, payload: form.body, remoteAddress: opts.remoteAddress });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
