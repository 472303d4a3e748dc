import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { FastifyReply } from 'fastify';
import { tenantFork } from '../../db/request-scope';
import { BadInputError } from '../../errors';
import { logoProblem } from './logo-check';
import type { UploadService } from './upload.service';
import { UploadPurpose } from './upload-purpose';

/**
 * Logos, the one kind of upload served to anyone: an organization's (its career
 * pages) and an API key's (next to objects it created). Both are set and served the
 * same way, here.
 */

/**
 * Claims a staged LOGO upload for `organizationId` inside the caller's transaction,
 * after checking it is a real, small PNG (the same check as at upload: it may have
 * been staged under older rules). Returns the file id; errors name `field`.
 */
export async function claimLogo(uploads: UploadService, em: EntityManager, organizationId: string, uploadId: string, field: string): Promise<string> {
  const file = await uploads.claim(em, organizationId, uploadId, { field, purposes: [UploadPurpose.LOGO] });
  const { content } = await uploads.read(em, file.id);
  const problem = await logoProblem(content);
  // Throwing rolls the claim back with the transaction, so the upload stays usable.
  if (problem) throw BadInputError.field(field, problem);
  return file.id;
}

/**
 * Sends a stored logo: public (logos are not secret), cached for five minutes, and
 * sandboxed so the PNG can never run as a page. The file is read through a fork
 * scoped to its organization.
 */
export async function sendLogo(reply: FastifyReply, uploads: UploadService, orm: MikroORM, organizationId: string, fileId: string): Promise<FastifyReply> {
  const em = tenantFork(orm, organizationId);
  const { content } = await uploads.read(em, fileId);
  return reply
    .header('content-type', 'image/png')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=300')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(content);
}
