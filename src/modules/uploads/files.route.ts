import type { FastifyInstance } from 'fastify';
import { ForbiddenError, NotFoundError } from '../../errors';
import { tenantFork } from '../../db/request-scope';
import { textGuard } from '../../http/text-guard';
import { attachmentDisposition } from './file-names';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { UploadService } from './upload.service';

interface FileParams {
  id: string;
}

interface FileQuery {
  expires?: string;
  sig?: string;
}

/**
 * `GET /files/:id?expires&sig`: serves a stored file to whoever holds a valid,
 * unexpired signed link (made by `uploads.signedUrl`). The link is the
 * authorization, so there is no Authorization header; the file's organization is
 * looked up by id and the read goes through a fork scoped to it.
 */
export function registerFileRoutes(app: FastifyInstance, services: { orm: MikroORM; uploads: UploadService }): void {
  app.get<{ Params: FileParams; Querystring: FileQuery }>('/files/:id', { preValidation: textGuard() }, async (request, reply) => {
    const { id } = request.params;
    const check = services.uploads.checkSignature(id, request.query.expires, request.query.sig);
    if (check === 'invalid') throw new ForbiddenError('invalid download link signature');
    if (check === 'expired') throw new ForbiddenError('this download link has expired; request a new one');

    const organizationId = await services.uploads.organizationOf(id);
    if (!organizationId) throw new NotFoundError('File', id);
    const em = tenantFork(services.orm, organizationId);
    // Streamed from the store: a 10 MB file never sits whole in memory.
    const { file, body } = await services.uploads.open(em, id);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', attachmentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(body);
  });
}
