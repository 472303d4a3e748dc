import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../errors';
import type { UploadService } from '../uploads/upload.service';
import { UploadPurpose } from '../uploads/upload-purpose';
import type { ApiCredential } from './credential.entity';

/** Lever's rule: a .png under 500 KB. */
export const MAX_LOGO_BYTES = 500 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Why `content` is not an acceptable logo, or null. Checks the signature and a well-formed IHDR chunk first. */
export function logoProblem(content: Buffer): string | null {
  if (content.length >= MAX_LOGO_BYTES) return `must be smaller than 500 KB (got ${Math.ceil(content.length / 1024)} KB)`;
  if (content.length < 33 || !content.subarray(0, 8).equals(PNG_SIGNATURE)) return 'must be a PNG image';
  const ihdrLength = content.readUInt32BE(8);
  const ihdrType = content.subarray(12, 16).toString('latin1');
  const width = content.readUInt32BE(16);
  const height = content.readUInt32BE(20);
  if (ihdrLength !== 13 || ihdrType !== 'IHDR' || width === 0 || height === 0) return 'must be a PNG image (its IHDR header is malformed)';
  return null;
}

/** Claims a staged LOGO upload for `credential` inside the caller's transaction, after checking it is a real, small PNG. */
export function credentialLogoSetter(uploads: UploadService) {
  return async (em: EntityManager, credential: ApiCredential, uploadId: string, field: string): Promise<void> => {
    const file = await uploads.claim(em, credential.organization.id, uploadId, { field, purposes: [UploadPurpose.LOGO] });
    const { content } = await uploads.read(em, file.id);
    const problem = logoProblem(content);
    // Throwing rolls the claim back with the transaction, so the upload stays usable.
    if (problem) throw BadInputError.field(field, problem);
    credential.logoFileId = file.id;
  };
}
