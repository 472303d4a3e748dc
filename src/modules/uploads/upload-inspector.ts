import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { PlainTextRule } from './plain-text-rule';

/** The most a sniffer needs from the front of a file: file-type's own sample is 4 100 bytes; ZIP containers (docx) name their parts near the front too. */
export const HEAD_BYTES = 64 * 1024;
/** PDF readers look for `%%EOF` in the last 1 KB. */
export const TAIL_BYTES = 1024;

/** Raised when a body passes the size limit; the stream is cut at that byte. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file: must be at most ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** What the sniffers see of a file that was never held whole in memory. */
export interface InspectedContent {
  size: number;
  sha256: string;
  /** The first HEAD_BYTES bytes (all of a small file). */
  head: Buffer;
  /** The last TAIL_BYTES bytes. */
  tail: Buffer;
  /** Valid UTF-8, no NUL, control characters in at most 1% of the characters (the plain-text rule, applied chunk by chunk). */
  plainText: boolean;
}

/** Hash, size, head, tail and the plain-text rule, fed chunk by chunk. */
class ContentInspection {
  private readonly hash = createHash('sha256');
  private readonly text = new PlainTextRule();
  size = 0;
  private headChunks: Buffer[] = [];
  private headLength = 0;
  private tail: Buffer = Buffer.alloc(0);

  update(chunk: Buffer): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      const piece = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(piece)); // a copy: the parser may reuse its buffers
      this.headLength += piece.length;
    }
    const end = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES))]);
    this.tail = Buffer.from(end.subarray(Math.max(0, end.length - TAIL_BYTES)));
    this.text.update(chunk);
  }

  finish(): InspectedContent {
    return {
      size: this.size,
      sha256: this.hash.digest('hex'),
      head: Buffer.concat(this.headChunks),
      tail: this.tail,
      plainText: this.text.holdsFor(),
    };
  }
}

/**
 * A pass-through that hashes, counts, keeps the head and tail, and checks the
 * plain-text rule while the bytes flow on to the store, so memory does not grow
 * with the file. Past `maxBytes` it fails the stream at once (the store then drops
 * its partial object).
 */
export class UploadInspector extends Transform {
  private readonly inspection = new ContentInspection();
  private result: InspectedContent | null = null;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.inspection.size + chunk.length > this.maxBytes) return done(new FileTooLargeError(this.maxBytes));
    this.inspection.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.result = this.inspection.finish();
    done();
  }

  /** Available once the stream has ended. */
  get inspected(): InspectedContent {
    if (!this.result) throw new Error('the upload has not been read to its end');
    return this.result;
  }
}

/** The same inspection of bytes already in memory (forms that arrive whole, such as the hosted apply page). */
export function inspectBuffer(bytes: Buffer): InspectedContent {
  const inspection = new ContentInspection();
  inspection.update(bytes);
  return inspection.finish();
}
