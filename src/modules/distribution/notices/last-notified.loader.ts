import DataLoader from 'dataloader';
import { loaderFor, type GraphQLContext } from '../../../graphql/context';
import { lastNotified } from './notice-log.repository';

/** Per-request: posting id → when each search engine (by destination name) last took a notice for it, in one query for a whole page of postings. */
export function lastNotifiedByPosting(ctx: GraphQLContext): DataLoader<string, Map<string, Date>> {
  return loaderFor(ctx, 'distribution.lastNotified', () =>
    new DataLoader<string, Map<string, Date>>(async (ids) => {
      const byPosting = new Map<string, Map<string, Date>>(ids.map((id) => [id, new Map()]));
      for (const row of await lastNotified(ctx.em, ids)) byPosting.get(row.postingId)?.set(row.destination, row.at);
      return ids.map((id) => byPosting.get(id)!);
    }),
  );
}
