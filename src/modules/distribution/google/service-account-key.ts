import { readFileSync } from 'node:fs';

/** The fields of a Google service account's JSON key that the Indexing API needs. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  /** Where the signed assertion is exchanged for an access token (Google's, or a local one in tests). */
  tokenUri: string;
}

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/**
 * Reads the key at start, so a wrong path or a key of the wrong kind stops the service
 * with a message naming the setting, not later in a job. Never logs the key.
 */
export function loadServiceAccountKey(path: string): ServiceAccountKey {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`JOBGATE_GOOGLE_INDEXING_CREDENTIALS: cannot read a JSON key at ${path} (${(err as Error).message.split('\n')[0]})`);
  }
  const field = (name: string) => (typeof json[name] === 'string' && json[name] ? (json[name] as string) : undefined);
  const clientEmail = field('client_email');
  const privateKey = field('private_key');
  if (json.type !== 'service_account' || !clientEmail || !privateKey) {
    throw new Error('JOBGATE_GOOGLE_INDEXING_CREDENTIALS: the file is not a service account key (type "service_account" with client_email and private_key)');
  }
  return { clientEmail, privateKey, tokenUri: field('token_uri') ?? GOOGLE_TOKEN_URI };
}
