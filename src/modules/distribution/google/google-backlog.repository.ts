import type { EntityManager } from '@mikro-orm/postgresql';
import { latestPerUrl, type SearchNotice, type SearchNoticeKind } from '../../postings';

/** A notice waiting in `google_indexing_backlog`, with the attempts its URL has had. */
export interface BacklogNotice extends SearchNotice {
  attempts: number;
}

/** Queues notices, one row per URL: a later notice for the same URL replaces the kind (a posting closed before it was announced is announced closed only). */
export async function addToBacklog(em: EntityManager, notices: SearchNotice[]): Promise<void> {
  if (!notices.length) return;
  const latest = latestPerUrl(notices);
  await em.execute(
    `insert into google_indexing_backlog (url, kind, posting_id, organization_id)
     select * from unnest(array[?]::text[], array[?]::text[], array[?]::uuid[], array[?]::uuid[])
     on conflict (url) do update set kind = excluded.kind, attempts = 0`,
    [latest.map((n) => n.url), latest.map((n) => n.kind), latest.map((n) => n.postingId), latest.map((n) => n.organizationId)],
  );
}

/** The next notices to send: deletions first (a closed job must leave the index before new ones arrive), then the oldest. */
export async function nextInBacklog(em: EntityManager, limit: number): Promise<BacklogNotice[]> {
  const rows = await em.execute<{ url: string; kind: SearchNoticeKind; posting_id: string; organization_id: string; attempts: number }[]>(
    `select url, kind, posting_id, organization_id, attempts from google_indexing_backlog
      order by (kind = 'URL_DELETED') desc, queued_at, url limit ?`,
    [limit],
  );
  return rows.map((r) => ({ url: r.url, kind: r.kind, postingId: r.posting_id, organizationId: r.organization_id, attempts: r.attempts }));
}

/** Drops notices that are done (sent or refused), unless a newer notice replaced their kind meanwhile. */
export async function removeFromBacklog(em: EntityManager, done: SearchNotice[]): Promise<void> {
  if (!done.length) return;
  await em.execute(`delete from google_indexing_backlog b using unnest(array[?]::text[], array[?]::text[]) as d(url, kind) where b.url = d.url and b.kind = d.kind`, [
    done.map((n) => n.url),
    done.map((n) => n.kind),
  ]);
}

/** Counts one more failed attempt for each of these URLs. */
export async function countAttempt(em: EntityManager, urls: string[]): Promise<void> {
  if (!urls.length) return;
  await em.execute(`update google_indexing_backlog set attempts = attempts + 1 where url = any(array[?]::text[])`, [urls]);
}

/** Publish calls already spent on `day` (YYYY-MM-DD). */
export async function quotaUsed(em: EntityManager, day: string): Promise<number> {
  const [row] = await em.execute<{ used: number }[]>(`select used from search_notice_quota where destination = 'GOOGLE' and day = ?::date`, [day]);
  return row?.used ?? 0;
}

/** Spends `calls` of `day`'s quota. */
export async function spendQuota(em: EntityManager, day: string, calls: number): Promise<void> {
  await em.execute(
    `insert into search_notice_quota (destination, day, used) values ('GOOGLE', ?::date, ?)
     on conflict (destination, day) do update set used = search_notice_quota.used + excluded.used`,
    [day, calls],
  );
}
