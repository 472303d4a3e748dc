import { reachOfKey, type Reach } from '../../auth/ceiling';
import { CredentialKind, type ApiCredential } from './credential.entity';

/**
 * What a postings key can do, in catalog terms: it applies (creates applications,
 * never confidential ones) and uploads resumes. Everything else it reads is public.
 */
const POSTINGS_KEY_OPERATIONS = ['applications.create', 'uploads.upload'];

/** A credential's reach for the ceiling rule; `operations` is its effective grant. */
export function credentialReach(credential: Pick<ApiCredential, 'kind' | 'allowConfidential'>, operations: readonly string[]): Reach {
  if (credential.kind === CredentialKind.POSTINGS) return reachOfKey(POSTINGS_KEY_OPERATIONS, false);
  return reachOfKey(operations, credential.allowConfidential);
}
