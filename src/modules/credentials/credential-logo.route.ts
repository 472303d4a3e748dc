import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { CREDENTIAL_LOGO_PATH } from './credential.loaders';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CredentialRepository } from './credential.repository';
import { sendLogo, type UploadService } from '../uploads';

/**
 * `GET /credential-logos/:credentialId`: the key's logo, shown next to objects the
 * key created. Logos are not secret, so no credential is needed; the key's
 * organization is looked up by id and the file is read through a fork scoped to it.
 */
export function registerCredentialLogoRoute(app: FastifyInstance, services: { orm: MikroORM; uploads: UploadService }): void {
  const credentials = new CredentialRepository(services.orm);
  app.get<{ Params: { credentialId: string } }>(`${CREDENTIAL_LOGO_PATH}/:credentialId`, async (request, reply) => {
    const { credentialId } = request.params;
    const row = isUuid(credentialId) ? await credentials.logoOf(credentialId.toLowerCase()) : null;
    if (!row?.logoFileId) throw new NotFoundError('Logo');
    return sendLogo(reply, services.uploads, services.orm, row.organizationId, row.logoFileId);
  });
}
