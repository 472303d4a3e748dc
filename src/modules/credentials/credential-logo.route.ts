import type { FastifyInstance } from 'fastify';
import { setTenant } from '../../db/request-filters';
import { NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { CREDENTIAL_LOGO_PATH } from './credential.loaders';
import type { Services } from '../../app/services';

/**
 * `GET /credential-logos/:credentialId`: the key's logo, shown next to objects the
 * key created. Logos are not secret, so no credential is needed; the key's
 * organization is looked up by id and the file is read through a fork scoped to it.
 */
export function registerCredentialLogoRoute(app: FastifyInstance, services: Services): void {
  app.get<{ Params: { credentialId: string } }>(`${CREDENTIAL_LOGO_PATH}/:credentialId`, async (request, reply) => {
    const { credentialId } = request.params;
    const rows = isUuid(credentialId)
      ? await services.orm.em
          .getConnection()
          .execute<{ organization_id: string; logo_file_id: string | null }[]>('select organization_id, logo_file_id from api_credentials where id = ?', [
            credentialId.toLowerCase(),
          ])
      : [];
    const row = rows[0];
    if (!row?.logo_file_id) throw new NotFoundError('Logo');
    const em = services.orm.em.fork();
    setTenant(em, row.organization_id);
    const { content } = await services.uploads.read(em, row.logo_file_id);
    return reply
      .header('content-type', 'image/png')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(content);
  });
}
