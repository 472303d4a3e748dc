import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../errors';
import { type UploadService, UploadPurpose, logoProblem } from '../uploads';
import type { ApiCredential } from './credential.entity';

/** Claims a staged LOGO upload for `credential` inside the caller's transaction, after checking it is a real, small PNG (the same check as at upload: it may have been staged under older rules). */
export function credentialLogoSetter(uploads: UploadService) {
  return async (em: EntityManager, credential: ApiCredential, uploadId: string, field: string): Promise<void> => {
    const file = await uploads.claim(em, credential.organization.id, uploadId, { field, purposes: [UploadPurpose.LOGO] });
    const { content } = await uploads.read(em, file.id);
    const problem = await logoProblem(content);
    // Throwing rolls the claim back with the transaction, so the upload stays usable.
    if (problem) throw BadInputError.field(field, problem);
    credential.logoFileId = file.id;
  };
}
