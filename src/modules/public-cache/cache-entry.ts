/**
 * One response-cache entry holding a response's metadata (status, headers, validator…)
 * beside its body: a length-prefixed JSON header, then the body bytes as sent. The cache
 * stores bytes only, so the metadata is counted against its bound and lives exactly as
 * long as the body.
 */
export function packEntry(meta: unknown, body: Buffer | string): Buffer {
  const head = Buffer.from(JSON.stringify(meta), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}

export function unpackEntry<M>(entry: Buffer): { meta: M; body: Buffer } {
  const headLength = entry.readUInt32BE(0);
  return { meta: JSON.parse(entry.subarray(4, 4 + headLength).toString('utf8')) as M, body: entry.subarray(4 + headLength) };
}
