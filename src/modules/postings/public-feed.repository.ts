import type { MikroORM } from '@mikro-orm/postgresql';
import { publiclyVisibleSql } from './public-visibility';
import type { PostingListSection, PostingLocation, SalaryRange } from './posting-values';

const VISIBLE = publiclyVisibleSql('p');

/**
 * The validators' inputs, visible content only. Two scalar subqueries rather than one
 * aggregate with FILTERs, so each is PostgreSQL's min/max rewrite: one backward probe of
 * a partial index (postings_public_updated_index, postings_public_expires_index) instead
 * of a scan of every posting of the organization.
 */
const STATE_SQL = `select
    (select max(p.updated_at) from postings p where p.organization_id = ? and ${VISIBLE}) as max_updated_at,
    (select max(p.expires_at) from postings p
      where p.organization_id = ? and p.state = 'PUBLISHED' and p.confidential = false and p.expires_at is not null and p.expires_at <= now()) as last_expired_at`;

/** The feed's columns only; the cursor is read back as text to keep PostgreSQL's microseconds, which a JS Date would round away. */
const BATCH_SQL = (after: boolean) => `select p.id, p.title, p.requisition_code, p.team, p.department, p.commitment, p.level, p.workplace_type,
    p.locations, p.opening_html, p.description_html, p.additional_html, p.lists, p.salary_range, p.salary_description,
    p.published_at, p.expires_at, p.published_at::text as cursor_at
  from postings p
  where p.organization_id = ? and ${VISIBLE} and p.published_at is not null
    ${after ? 'and (p.published_at, p.id) < (?::timestamptz, ?::uuid)' : ''}
  order by p.published_at desc, p.id desc
  limit ?`;

/** One posting as the feed reads it (snake_case columns, as PostgreSQL returns them). */
export interface FeedRow {
  id: string;
  title: string;
  requisition_code: string | null;
  team: string | null;
  department: string | null;
  commitment: string | null;
  level: string | null;
  workplace_type: string | null;
  locations: PostingLocation[] | null;
  opening_html: string | null;
  description_html: string | null;
  additional_html: string | null;
  lists: PostingListSection[] | null;
  salary_range: SalaryRange | null;
  salary_description: string | null;
  published_at: string | Date;
  expires_at: string | Date | null;
  /** published_at as text (microseconds kept), for the keyset cursor. */
  cursor_at: string;
}

/** Where the visible postings of an organization stand: the newest visible change and the latest expiry so far. */
export interface FeedPostingsState {
  maxUpdatedAt: Date | null;
  lastExpiredAt: Date | null;
}

const date = (value: unknown) => (value == null ? null : new Date(value as string | Date));

/**
 * The XML feed's reads of `postings`. There is no principal on that route, so every
 * statement names its organization explicitly. Plain SQL through the ORM's pool:
 * each statement borrows a connection and returns it, so a slow client never pins
 * one for the length of its download.
 */
export async function readFeedState(orm: MikroORM, organizationId: string): Promise<FeedPostingsState> {
  const [row] = await orm.em.getConnection().execute<Record<string, unknown>[]>(STATE_SQL, [organizationId, organizationId]);
  return { maxUpdatedAt: date(row?.max_updated_at), lastExpiredAt: date(row?.last_expired_at) };
}

/** One keyset batch of visible postings, newest first, after `cursor` (the last row's `[cursor_at, id]`). */
export function readFeedBatch(orm: MikroORM, organizationId: string, cursor: readonly [string, string] | null, batchSize: number): Promise<FeedRow[]> {
  const connection = orm.em.getConnection();
  return cursor
    ? connection.execute<FeedRow[]>(BATCH_SQL(true), [organizationId, ...cursor, batchSize])
    : connection.execute<FeedRow[]>(BATCH_SQL(false), [organizationId, batchSize]);
}
