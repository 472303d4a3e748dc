import { createHmac } from 'node:crypto';

/** IndexNow keys are 8 to 128 characters of a-z, A-Z, 0-9 and dashes. */
export const INDEXNOW_KEY_PATTERN = /^[a-zA-Z0-9-]{8,128}$/;

/**
 * The configured key, or one derived from the master key: the same on every instance
 * and across restarts without storing anything, and kept exactly as long as the master
 * key (generated and kept in embedded mode, see db/master-key.ts). The key is public
 * by design (served at keyLocation); the HMAC only keeps it from revealing the master key.
 */
export function indexNowKey(configured: string | undefined, masterKey: Buffer): string {
  if (configured) return configured;
  return createHmac('sha256', masterKey).update('jobgate:indexnow-key').digest('hex').slice(0, 32);
}

/** Where the key file is served: under /jobs/, so it vouches for every hosted posting URL (IndexNow's directory rule). */
export const indexNowKeyPath = (key: string) => `/jobs/${key}.txt`;
