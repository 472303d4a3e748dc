import type { FastifyReply } from 'fastify';
import type { Dialect } from '../dialect';
import type { PostingRow } from '../../postings';
import { toLeverPosting, type LeverPosting } from './lever-posting';
import { registerLeverRoutes } from './lever.routes';

/** Lever's answer for anything absent, unpublished, hidden or switched off. */
const NOT_FOUND = 'Document not found';

/** Lever Postings API v0: `/v0/postings/:site` reads (anonymous, by slug), applies with the postings key in `?key=`. */
export const leverV0: Dialect<PostingRow, LeverPosting> = {
  name: 'lever',
  enabledFor: (site) => site.leverApiEnabled,
  mapPosting: (row, site, publicUrl) => toLeverPosting(row, { slug: site.slug, careersSiteUrl: site.careersSiteUrl }, publicUrl),
  sendError(reply: FastifyReply, status, message, error) {
    const send = (code: number, text: string) => reply.status(code).header('cache-control', 'no-store').send({ ok: false, error: text });
    if (error?.code === 'NOT_FOUND') return send(404, NOT_FOUND);
    // Lever answers a bad or missing key with 403.
    if (error?.code === 'UNAUTHENTICATED' || error?.code === 'FORBIDDEN') return send(403, 'Invalid api key');
    return send(status, message);
  },
  registerRoutes: (scope, context) => registerLeverRoutes(scope, context, leverV0),
};
