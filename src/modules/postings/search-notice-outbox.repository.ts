import type { EntityManager } from '@mikro-orm/postgresql';
import type { SearchNotice, SearchNoticeKind } from './search-notice';

/** The SQL of `search_notice_outbox`: notices written with their posting change, waiting for the pump. */
export async function addSearchNotices(em: EntityManager, notices: SearchNotice[]): Promise<void> {
  await em.execute(
    `insert into search_notice_outbox (organization_id, posting_id, url, kind)
     select * from unnest(array[?]::uuid[], array[?]::uuid[], array[?]::text[], array[?]::text[])`,
    [notices.map((n) => n.organizationId), notices.map((n) => n.postingId), notices.map((n) => n.url), notices.map((n) => n.kind)],
  );
}

/** Whether any notice waits: the pump's cheap check, outside a transaction. */
export async function hasSearchNotices(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ waiting: boolean }[]>(`select exists (select 1 from search_notice_outbox) as waiting`);
  return !!row?.waiting;
}

/**
 * Takes (deletes and returns) up to `limit` notices, oldest first. Rows another
 * instance's pump holds are skipped, so each notice is taken once; run it in the
 * transaction that hands them on, so a failure puts them back.
 */
export async function takeSearchNotices(em: EntityManager, limit: number): Promise<SearchNotice[]> {
  const rows = await em.execute<{ id: string; organization_id: string; posting_id: string; url: string; kind: SearchNoticeKind }[]>(
    `delete from search_notice_outbox where id in (select id from search_notice_outbox order by id limit ? for update skip locked)
     returning id::text, organization_id, posting_id, url, kind`,
    [limit],
  );
  return rows
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
    .map((r) => ({ organizationId: r.organization_id, postingId: r.posting_id, url: r.url, kind: r.kind }));
}
