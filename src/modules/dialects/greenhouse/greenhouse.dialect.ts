import type { Dialect } from '../dialect';
import type { PostingRow } from '../../postings';
import { job, type GreenhouseJob } from './greenhouse-job';
import { NotFound, registerGreenhouseRoutes } from './greenhouse.routes';

/** Greenhouse Job Board API v1: `/v1/boards/:token/…` reads (anonymous, by slug), applies with the postings key in the Authorization header (Basic or Bearer). */
export const greenhouseJobBoard: Dialect<PostingRow, GreenhouseJob> = {
  name: 'greenhouse',
  enabledFor: (site) => site.greenhouseApiEnabled,
  mapPosting: (row, site, publicUrl) => job(row, { slug: site.slug, careersSiteUrl: site.careersSiteUrl }, publicUrl),
  sendError(reply, status, message, error) {
    const send = (code: number, text: string) => reply.status(code).header('cache-control', 'no-store').send({ status: code, error: text });
    if (error instanceof NotFound) return send(404, `${error.what} not found`);
    if (error?.code === 'NOT_FOUND') return send(404, 'Job not found');
    if (error?.code === 'UNAUTHENTICATED' || error?.code === 'FORBIDDEN') {
      void reply.header('www-authenticate', 'Basic realm="Job Board API"');
      return send(401, 'Unauthorized');
    }
    return send(status, message);
  },
  registerRoutes: (scope, context) => registerGreenhouseRoutes(scope, context, greenhouseJobBoard),
};
