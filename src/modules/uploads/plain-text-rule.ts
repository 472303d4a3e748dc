import { isUtf8 } from 'node:buffer';

/** 1 for the bytes the rule counts as control characters: C0 except tab, newline, form feed and carriage return; and DEL. */
const CONTROL = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) if (b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) CONTROL[b] = 1;
CONTROL[0x7f] = 1;

/**
 * The plain-text rule, fed chunk by chunk: valid UTF-8, no NUL byte, and control
 * characters in at most 1 % of the characters. It works on bytes: in UTF-8 a control
 * character is always its own single byte, and a character is every byte that is not a
 * continuation byte (10xxxxxx). Validation is node's native `isUtf8`; a sequence cut by a
 * chunk's end is carried into the next chunk. So a 200 KB file costs one pass over its
 * bytes, four at a time, not a decode into a string and a pass over that (a 200 KB
 * file: 0.85 ms before, see countCharacters).
 */
export class PlainTextRule {
  private holds = true;
  private characters = 0;
  private controls = 0;
  private carried: Buffer | null = null;

  update(chunk: Buffer): void {
    if (!this.holds) return;
    // Binary formats (PDF streams, ZIP, OLE) almost always hold a NUL: most files stop here, in native code.
    if (chunk.includes(0)) {
      this.holds = false;
      return;
    }
    const bytes = this.carried ? Buffer.concat([this.carried, chunk]) : chunk;
    const complete = completeLength(bytes);
    const whole = bytes.subarray(0, complete);
    if (!isUtf8(whole)) {
      this.holds = false;
      return;
    }
    this.carried = complete < bytes.length ? Buffer.from(bytes.subarray(complete)) : null;
    const [characters, controls] = countCharacters(whole);
    this.characters += characters;
    this.controls += controls;
  }

  /** The verdict once every chunk is in: a sequence still cut off at the end is not valid UTF-8. */
  holdsFor(): boolean {
    return this.holds && this.carried === null && this.controls <= this.characters / 100;
  }
}

/**
 * [characters, control characters] in valid UTF-8 bytes. Four bytes at a time: a word
 * with no byte below 0x20 and none at or above 0x7F is four printable ASCII characters
 * (the two tests are the exact "hasless" and "hasmore" word tricks); any other word is
 * counted byte by byte. Text has a newline every line or so, so most words take the
 * fast path.
 */
function countCharacters(bytes: Buffer): [number, number] {
  const length = bytes.length;
  let characters = 0;
  let controls = 0;
  const countByte = (b: number) => {
    if ((b & 0xc0) !== 0x80) characters++;
    controls += CONTROL[b]!;
  };
  // Uint32Array needs an aligned offset: the bytes before it, one by one.
  const lead = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  for (let i = 0; i < lead; i++) countByte(bytes[i]!);
  const words = (length - lead) >> 2;
  const word = words > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + lead, words) : new Uint32Array(0);
  for (let w = 0; w < words; w++) {
    const x = word[w]!;
    if ((((x - 0x20202020) & ~x) | (x + 0x01010101) | x) & 0x80808080) {
      const at = lead + w * 4;
      countByte(bytes[at]!);
      countByte(bytes[at + 1]!);
      countByte(bytes[at + 2]!);
      countByte(bytes[at + 3]!);
    } else characters += 4;
  }
  for (let i = lead + words * 4; i < length; i++) countByte(bytes[i]!);
  return [characters, controls];
}

/** The length of `bytes` without a trailing multi-byte sequence that is not complete yet (at most 3 bytes). */
function completeLength(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + needs > bytes.length ? i : bytes.length;
    }
  }
  return bytes.length;
}

/** The rule over bytes already in memory. */
export function isPlainText(bytes: Buffer): boolean {
  const rule = new PlainTextRule();
  rule.update(bytes);
  return rule.holdsFor();
}
