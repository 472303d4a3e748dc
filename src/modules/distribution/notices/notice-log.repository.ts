import type { EntityManager } from '@mikro-orm/postgresql';
import type { NoticeDestination } from './notice-metrics';

/** The SQL of `posting_search_notices`: when each destination last took a notice for a posting. */
export async function markNotified(em: EntityManager, destination: NoticeDestination, postingIds: string[], at: Date): Promise<void> {
  if (!postingIds.length) return;
  await em.execute(
    `insert into posting_search_notices (posting_id, destination, last_notified_at)
     select id, ?, ?::timestamptz from unnest(array[?]::uuid[]) as id
     on conflict (posting_id, destination) do update set last_notified_at = greatest(posting_search_notices.last_notified_at, excluded.last_notified_at)`,
    [destination, at.toISOString(), postingIds],
  );
}

export interface LastNotified {
  postingId: string;
  destination: NoticeDestination;
  at: Date;
}

/** Every destination's last notice for these postings, in one query. */
export async function lastNotified(em: EntityManager, postingIds: readonly string[]): Promise<LastNotified[]> {
  const rows = await em.execute<{ posting_id: string; destination: NoticeDestination; last_notified_at: Date | string }[]>(
    `select posting_id, destination, last_notified_at from posting_search_notices where posting_id = any(array[?]::uuid[])`,
    [postingIds as string[]],
  );
  return rows.map((r) => ({ postingId: r.posting_id, destination: r.destination, at: new Date(r.last_notified_at) }));
}
