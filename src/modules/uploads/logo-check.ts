import { imageSize } from 'image-size';
import { detectedExtension } from './content-sniffer';

/** Lever's rule: a PNG smaller than 500 KB, i.e. under 500 × 1024 bytes, exactly as the message says. */
export const MAX_LOGO_BYTES = 500 * 1024;
/** A logo is shown at a few dozen pixels; anything wider or taller is a mistake or an attack on decoders. */
export const MAX_LOGO_SIDE = 4096;

/**
 * Why `bytes` is not an acceptable logo, or null. The one logo check, used when a LOGO
 * upload is staged and again when a key's logo is set from it: the type comes from
 * `file-type`, the dimensions from `image-size` reading the IHDR header.
 */
export function logoProblem(bytes: Buffer): Promise<string | null> {
  return logoProblemOf(bytes, bytes.length);
}

/** The same check from the first bytes of a streamed upload (the PNG signature and IHDR are at the front) and its size. */
export async function logoProblemOf(head: Buffer, byteLength: number): Promise<string | null> {
  const bytes = head;
  if (byteLength >= MAX_LOGO_BYTES) return `a logo must be smaller than 500 KB (${MAX_LOGO_BYTES} bytes); this one has ${byteLength} bytes`;
  if ((await detectedExtension(bytes)) !== 'png') return 'a logo must be a PNG image (checked from its content, not its name)';
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return 'a logo must be a PNG image (its IHDR header is malformed)';
  }
  const { width = 0, height = 0 } = size;
  if (!width || !height) return 'a logo must be a PNG image (its IHDR header is malformed)';
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    return `a logo must be at most ${MAX_LOGO_SIDE}×${MAX_LOGO_SIDE} pixels; this one says ${width}×${height}`;
  }
  return null;
}
