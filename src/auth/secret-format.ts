import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * GitHub-style tokens: `<prefix>_<30 base62 random chars><6 base62 chars of CRC32>`.
 * 30 base62 characters carry ~178 bits. The checksum lets us reject typos and
 * garbage without a database query, and the prefix lets secret scanners find leaks.
 */
export const SECRET_PREFIXES = {
  session: 'jgs',
  dataKey: 'jgk',
  postingsKey: 'jgp',
} as const;
export type SecretPrefix = (typeof SECRET_PREFIXES)[keyof typeof SECRET_PREFIXES];

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const SECRET_PATTERN = /^(jgs|jgk|jgp)_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/;

function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function checksum(body: string): string {
  return toBase62(crc32(body) >>> 0, CHECKSUM_LENGTH);
}

export function generateSecret(prefix: SecretPrefix): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(62)];
  const body = `${prefix}_${random}`;
  return body + checksum(body);
}

/** The prefix when the string is a well-formed secret with a valid checksum, else null. */
export function parseSecret(secret: string): SecretPrefix | null {
  const match = SECRET_PATTERN.exec(secret);
  if (!match) return null;
  const body = `${match[1]}_${match[2]}`;
  return checksum(body) === match[3] ? (match[1] as SecretPrefix) : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** `jgk_ab12…wxyz`: enough to recognise a key in a list, useless to an attacker. */
export function secretHint(secret: string): string {
  const underscore = secret.indexOf('_');
  return `${secret.slice(0, underscore + 5)}…${secret.slice(-4)}`;
}
