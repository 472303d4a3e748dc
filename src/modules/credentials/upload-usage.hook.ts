import type { FastifyInstance } from 'fastify';
import type { OperationUsage } from '../../auth/operation-usage';

const UPLOAD_OPERATION = 'uploads.upload';

/**
 * `POST /uploads` is checked outside GraphQL (uploads/upload-policy.ts), so the auth
 * checker never counts it. This hook counts it for data keys from the reply: 201 is an
 * allowed call, 403 without the grant a refused one. Without it, narrowing would drop
 * `uploads.upload` from keys that upload.
 */
export function registerUploadUsageCounting(app: FastifyInstance, path: string, services: { operationUsage: OperationUsage }): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== path) return;
    const principal = request.scope?.principal;
    if (principal?.kind !== 'DATA_KEY' || !principal.credentialId) return;
    if (reply.statusCode === 201) services.operationUsage.record(principal.credentialId, UPLOAD_OPERATION, 'ALLOWED');
    else if (reply.statusCode === 403 && !principal.grants.has(UPLOAD_OPERATION)) services.operationUsage.record(principal.credentialId, UPLOAD_OPERATION, 'REFUSED');
  });
}
