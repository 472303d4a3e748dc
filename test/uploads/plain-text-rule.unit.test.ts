import { describe, expect, it } from 'vitest';
import { isPlainText, PlainTextRule } from '../../src/modules/uploads/plain-text-rule';

/** The rule as it reads in words, over a decoded string: the reference the byte scan must agree with. */
function reference(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return false;
  }
  const characters = [...text];
  const isControl = (c: string) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(code)) || code === 0x7f;
  };
  const controls = characters.filter(isControl).length;
  return controls <= characters.length / 100;
}

function fedInChunks(bytes: Buffer, size: number): boolean {
  const rule = new PlainTextRule();
  for (let i = 0; i < bytes.length; i += size) rule.update(bytes.subarray(i, i + size));
  return rule.holdsFor();
}

/** A deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('the plain-text rule, scanned as bytes', () => {
  it('accepts text in any script, split anywhere, and counts characters, not bytes', () => {
    const text = Buffer.from('Lebenslauf — Zoë Ångström, 東京, 🚀 launch\n\tskills: TypeScript\r\n'.repeat(50));
    for (const size of [1, 2, 3, 5, 7, 64, 1024]) expect(fedInChunks(text, size)).toBe(true);
    // 3 control characters in 300 characters is 1 %: still text; one more is not (though it is far under 1 % of the bytes).
    const base = '🚀'.repeat(297);
    expect(isPlainText(Buffer.from(base + '\x01\x02\x03'))).toBe(true);
    expect(isPlainText(Buffer.from(base + '\x01\x02\x03\x04'))).toBe(false);
  });

  it('refuses a NUL, invalid UTF-8, and a sequence cut off at the end', () => {
    expect(isPlainText(Buffer.from('text\0more'))).toBe(false);
    expect(isPlainText(Buffer.from([0x41, 0xc3, 0x28]))).toBe(false); // a lead byte without its continuation
    expect(isPlainText(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false); // an encoded surrogate
    expect(isPlainText(Buffer.from([0xc0, 0xaf]))).toBe(false); // an overlong '/'
    const cut = Buffer.from('ends in a rocket 🚀').subarray(0, -2);
    for (const size of [1, 2, 4, 100]) expect(fedInChunks(cut, size)).toBe(false);
  });

  it('agrees with the string-decoding reference on 3 000 random inputs and chunkings', () => {
    const next = random(21);
    const alphabet = ['a', ' ', '\n', '\t', 'é', '東', '🚀', '\x01', '\x7f', '\x1b'];
    for (let n = 0; n < 3000; n++) {
      let bytes: Buffer;
      if (next() < 0.7) {
        const length = Math.floor(next() * 600);
        bytes = Buffer.from(Array.from({ length }, () => alphabet[Math.floor(next() * (next() < 0.97 ? 7 : alphabet.length))]).join(''));
      } else {
        bytes = Buffer.from(Array.from({ length: Math.floor(next() * 60) }, () => Math.floor(next() * 256)));
      }
      const size = 1 + Math.floor(next() * 40);
      expect(fedInChunks(bytes, size), `input ${bytes.toString('hex')} in chunks of ${size}`).toBe(reference(bytes));
    }
  });
});
