import type { EntityManager } from '@mikro-orm/postgresql';
import { claimLogo, type UploadService } from '../uploads';
import type { ApiCredential } from './credential.entity';

/** Claims a staged LOGO upload for `credential` inside the caller's transaction (uploads' claimLogo: a real, small PNG). */
export function credentialLogoSetter(uploads: UploadService) {
  return async (em: EntityManager, credential: ApiCredential, uploadId: string, field: string): Promise<void> => {
    credential.logoFileId = await claimLogo(uploads, em, credential.organization.id, uploadId, field);
  };
}
