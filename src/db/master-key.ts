import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config';

const KEY_FILE = 'master.key';

export function decodeMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new ConfigError('JOBGATE_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

/**
 * The master key encrypts the postings key at rest. In embedded mode it is
 * generated once into the data directory (mode 0600); with an external database
 * it must come from JOBGATE_SECRET_KEY, so every instance shares it.
 */
export async function resolveMasterKey(configured: string | undefined, embeddedDataDir: string | null): Promise<Buffer> {
  if (configured) return decodeMasterKey(configured);
  if (!embeddedDataDir) {
    throw new ConfigError('JOBGATE_SECRET_KEY is required when DATABASE_URL is set (generate one with: openssl rand -base64 32)');
  }
  const file = path.join(embeddedDataDir, KEY_FILE);
  try {
    return decodeMasterKey((await fs.readFile(file, 'utf8')).trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32).toString('base64');
  await fs.mkdir(embeddedDataDir, { recursive: true });
  await fs.writeFile(file, key + '\n', { mode: 0o600, flag: 'wx' });
  return decodeMasterKey(key);
}
