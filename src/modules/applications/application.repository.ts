import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, RequestMeta } from '../../auth/principal';
import { auditEventValues, auditInsertParams, auditInsertSql } from '../audit';
import { applyTargetPostingSql, type PostingQuestion } from '../postings';
import { CLAIM_UPLOADS_CTES, claimUploadsParams, type UploadPurpose } from '../uploads';
import type { ValidApplication } from './application-validation';
import { IDEMPOTENCY_WINDOW_HOURS } from './apply-idempotency';
import { SUBSCRIBED_SQL } from '../webhooks';

/** The dedup key of candidates: e-mail addresses are compared case-insensitively (as Lever does). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export interface ApplyTargetQuery {
  organizationId: string;
  /** Null when the id is not a UUID: no posting matches, but an earlier request with the key is still found. */
  postingId: string | null;
  /** Only publicly visible postings (a career site's apply); otherwise any state. */
  publicOnly: boolean;
  /** Whether the caller may see confidential postings (the fork's confidential filter says the same). */
  allowConfidential: boolean;
  idempotencyKey: string | null;
}

export interface ApplyTarget {
  posting: { id: string; confidential: boolean; questions: PostingQuestion[] } | null;
  /** The organization's current privacy notice version (null when none was published). */
  noticeVersion: number | null;
  /** Whether an enabled webhook endpoint listens for application.created (then the write also enqueues it). */
  subscribed: boolean;
  /** The application that holds the Idempotency-Key; `fresh` while within the window. */
  earlier: { id: string; requestHash: string | null; fresh: boolean } | null;
}

/** An upload the new application claims, and the purposes that reference accepts. */
export interface UploadClaim {
  uploadId: string;
  purposes: readonly UploadPurpose[];
}

/** A validated application (its fields as validation returned them) and what the one write statement needs besides. */
export interface NewApplication extends Omit<ValidApplication, 'uploads'> {
  id: string;
  organizationId: string;
  posting: { id: string; confidential: boolean };
  principal: Principal;
  meta: RequestMeta;
  /** The candidate's browser (public applies only). */
  ip: string | null;
  userAgent: string | null;
  resumeUploadId: string | null;
  uploads: UploadClaim[];
  idempotencyKey: string | null;
  requestHash: string | null;
  /** The audit event's `changes`; the statement adds `candidateId`. */
  auditChanges: Record<string, unknown>;
}

const json = (value: unknown): string => JSON.stringify(value);

/**
 * Every claim, the candidate upsert, the application and its audit event in ONE
 * statement, so an apply is atomic without BEGIN/COMMIT round trips. The claims are the
 * uploads module's CTEs (`CLAIM_UPLOADS_CTES`: `claimable` locks the uploads, `ready`
 * says whether all of them could be claimed) and the audit insert is the audit module's
 * (`auditInsertSql`), so each table is written by its owner's SQL:
 * - everything here happens only when `ready`, so a refused upload writes nothing;
 * - a second application with the same Idempotency-Key fails on the unique index,
 *   which aborts the whole statement.
 * Returns the application id, or null when an upload could not be claimed.
 */
const INSERT_APPLICATION = `
with ${CLAIM_UPLOADS_CTES},
candidate as (
  insert into candidates (id, organization_id, name, email, email_key, phone, created_at, updated_at)
  select ?, ?, ?, ?, ?, ?, now(), now() from ready where ok
  on conflict (organization_id, email_key) do update
    set name = excluded.name, email = excluded.email, phone = coalesce(excluded.phone, candidates.phone), updated_at = now()
  returning id
),
application as (
  insert into applications (id, organization_id, posting_id, candidate_id, confidential, name, email, phone, current_company,
    urls, comments, answers, consent, source, timezone, ip, user_agent, status, resume_id, created_at,
    created_by_type, created_by_id, created_by_name, created_by_on_behalf_of_user_id, idempotency_key, request_hash,
    privacy_notice_version, privacy_notice_accepted_at)
  select ?, ?, ?, candidate.id, ?, ?, ?, ?, ?,
    ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, 'ACTIVE', ?, now(),
    ?, ?, ?, ?, ?, ?,
    ?::int, case when ?::int is null then null else now() end
  from candidate
  returning id, candidate_id
),
audit as (
  ${auditInsertSql({ from: 'application', targetId: 'application.id::text', addChanges: "jsonb_build_object('candidateId', application.candidate_id)" })}
)
select (select id from application) as application_id, (select count(*) from claimed) as claimed, (select count(*) from audit) as audited`;

/** The applications module's SQL: the apply path, which the ORM's unit of work would spread over many round trips. */
export class ApplicationRepository {
  /**
   * The posting an apply targets (null when absent, another organization's, hidden
   * from the caller, or, for public applies, not publicly visible) and the
   * application already holding the Idempotency-Key, in one round trip. The
   * earlier application is found whatever the posting's state now: a retry is
   * answered even after the posting closed.
   */
  async findApplyTarget(em: EntityManager, query: ApplyTargetQuery): Promise<ApplyTarget> {
    const rows = await em.getConnection().execute<
      { posting_id: string | null; confidential: boolean | null; questions: PostingQuestion[] | null; earlier_id: string | null; request_hash: string | null; fresh: boolean | null; notice_version: number | null; subscribed: boolean }[]
    >(
      `select p.id as posting_id, p.confidential, p.questions, e.id as earlier_id, e.request_hash, e.fresh,
         (select max(n.version) from privacy_notice_versions n where n.organization_id = ?) as notice_version,
         ${SUBSCRIBED_SQL} as subscribed
       from (select 1) as one
       left join ${applyTargetPostingSql(query.publicOnly)} p on true
       left join lateral (
         select a.id, a.request_hash, a.created_at > now() - make_interval(hours => ?) as fresh
         from applications a where a.organization_id = ? and a.idempotency_key = ?
         order by a.created_at desc limit 1
       ) e on true`,
      [query.organizationId, query.organizationId, 'application.created', query.postingId, query.organizationId, query.allowConfidential, IDEMPOTENCY_WINDOW_HOURS, query.organizationId, query.idempotencyKey],
      'all',
      em.getTransactionContext(),
    );
    const row = rows[0]!;
    return {
      posting: row.posting_id ? { id: row.posting_id, confidential: Boolean(row.confidential), questions: row.questions ?? [] } : null,
      noticeVersion: row.notice_version == null ? null : Number(row.notice_version),
      subscribed: Boolean(row.subscribed),
      earlier: row.earlier_id ? { id: row.earlier_id, requestHash: row.request_hash, fresh: Boolean(row.fresh) } : null,
    };
  }

  /** The application made with this key within the window, if any (after a lost race for the key). */
  async findByIdempotencyKey(em: EntityManager, organizationId: string, key: string): Promise<{ id: string; requestHash: string | null } | null> {
    const rows = await em.getConnection().execute<{ id: string; request_hash: string | null }[]>(
      `select id, request_hash from applications where organization_id = ? and idempotency_key = ? and created_at > now() - make_interval(hours => ?)`,
      [organizationId, key, IDEMPOTENCY_WINDOW_HOURS],
      'all',
      em.getTransactionContext(),
    );
    return rows[0] ? { id: rows[0].id, requestHash: rows[0].request_hash } : null;
  }

  /** The application holding an idempotency key, whatever its age (a hosted form token's double submit). */
  async idForKey(em: EntityManager, organizationId: string, key: string): Promise<string | null> {
    const rows = await em
      .getConnection()
      .execute<{ id: string }[]>(`select id from applications where organization_id = ? and idempotency_key = ? limit 1`, [organizationId, key], 'all', em.getTransactionContext());
    return rows[0]?.id ?? null;
  }

  /** How many applications a posting has (it cannot be deleted while it has any). */
  async countForPosting(em: EntityManager, postingId: string): Promise<number> {
    const [row] = await em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from applications where posting_id = ?`, [postingId], 'all', em.getTransactionContext());
    return Number(row?.n ?? 0);
  }

  /** Frees a key held by an application older than the window, so the unique index lets a new application take it. */
  async releaseStaleKey(em: EntityManager, organizationId: string, key: string): Promise<void> {
    await em.getConnection().execute(
      `update applications set idempotency_key = null where organization_id = ? and idempotency_key = ? and created_at <= now() - make_interval(hours => ?)`,
      [organizationId, key, IDEMPOTENCY_WINDOW_HOURS],
      'run',
      em.getTransactionContext(),
    );
  }

  /** Writes the application in one statement (see INSERT_APPLICATION); null when an upload could not be claimed. */
  async insert(em: EntityManager, app: NewApplication): Promise<string | null> {
    const audit = auditEventValues(app.organizationId, app.principal, app.meta, {
      action: 'application.created',
      targetType: 'Application',
      targetId: app.id,
      changes: app.auditChanges,
      posting: app.posting,
    });
    const actor = app.principal;
    const params: unknown[] = [
      ...claimUploadsParams(app.uploads, app.organizationId),
      // candidate
      randomUUID(), app.organizationId, app.name, app.email, emailKey(app.email), app.phone,
      // application
      app.id, app.organizationId, app.posting.id, app.posting.confidential, app.name, app.email, app.phone, app.currentCompany,
      json(app.urls), app.comments, json(app.answers), json(app.consent), app.source, app.timezone, app.ip, app.userAgent, app.resumeUploadId,
      audit.actorType, audit.actorId, audit.actorName, actor.onBehalfOfUserId ?? null, app.idempotencyKey, app.requestHash,
      app.privacyNoticeVersion, app.privacyNoticeVersion,
      ...auditInsertParams(randomUUID(), audit),
    ];
    const rows = await em.getConnection().execute<{ application_id: string | null }[]>(INSERT_APPLICATION, params, 'all', em.getTransactionContext());
    return rows[0]?.application_id ?? null;
  }
}
