import type { EntityManager } from '@mikro-orm/postgresql';
import { rawRows as raw } from '../../db/raw-rows';

/** What erasing applications removed from the rows, so the files and the audit trail can follow. */
export interface ErasedApplications {
  ids: string[];
  /** Resumes and FILE answers of the erased applications. */
  fileIds: string[];
  candidateIds: string[];
  /** Candidates deleted because no application of theirs is left. */
  candidatesDeleted: number;
  /** The erased names, e-mail addresses and phone numbers, to scrub from audit event diffs. */
  personalValues: string[];
}

/** One application as the candidate's export shows it. */
export interface ExportedApplicationRow {
  id: string;
  posting_id: string;
  posting_title: string;
  created_at: Date;
  status: string;
  name: string;
  email: string;
  phone: string | null;
  current_company: string | null;
  urls: unknown;
  comments: string | null;
  answers: { questionId: string; fileId?: string | null }[];
  consent: unknown;
  source: string | null;
  timezone: string | null;
  ip: string | null;
  user_agent: string | null;
  legal_hold: boolean;
  resume_id: string | null;
  privacy_notice_version: number | null;
  privacy_notice_accepted_at: Date | null;
  privacy_notice_text: string | null;
  privacy_notice_url: string | null;
}

/** The organization's applications from one e-mail key: by the application's address or its candidate's. */
const MATCHES_EMAIL = `a.organization_id = ? and (lower(btrim(a.email)) = ? or a.candidate_id in (select c.id from candidates c where c.organization_id = ? and c.email_key = ?))`;

/*
 * A candidate's records as data rights need them (data-rights/ composes these): finding
 * a candidate's applications by e-mail, the applications past retention, erasing them
 * with the candidates left with none, and the export. This module owns `applications`
 * and `candidates`; the posting's title and confidentiality come from postings' view
 * (`posting_directory`), the notice text from data-rights' (`privacy_notice_versions`).
 * Every statement runs inside the caller's transaction (`em` is a transactional fork).
 */

/** Ids of the organization's applications from this e-mail key, and how many of them are confidential (they or their posting). Locked. */
export async function applicationsOfEmail(em: EntityManager, organizationId: string, emailKey: string): Promise<{ ids: string[]; confidential: number }> {
  const rows = await raw<{ id: string; confidential: boolean }>(
    em,
    `select a.id, (a.confidential or p.confidential) as confidential from applications a join posting_directory p on p.id = a.posting_id
     where ${MATCHES_EMAIL} order by a.created_at for update of a`,
    [organizationId, emailKey, organizationId, emailKey],
  );
  return { ids: rows.map((r) => String(r.id)), confidential: rows.filter((r) => r.confidential).length };
}

/**
 * Up to `limit` applications of one organization past their retention period at `now`:
 * `days` after they were made, or `consentedDays` when the candidate consented to
 * longer storage. Applications on legal hold are never returned. Locked, skipping rows
 * another sweep already holds.
 */
export async function expiredApplications(em: EntityManager, organizationId: string, now: Date, days: number, consentedDays: number, limit: number): Promise<string[]> {
  const rows = await raw<{ id: string }>(
    em,
    `select id from applications
     where organization_id = ? and legal_hold = false
       and created_at < ?::timestamptz - make_interval(days => case when (consent->>'store')::boolean then ?::int else ?::int end)
     order by created_at limit ? for update skip locked`,
    [organizationId, now.toISOString(), consentedDays, days, limit],
  );
  return rows.map((r) => String(r.id));
}

/** Deletes the applications and the candidates left with none; returns what the files and audit trail need. */
export async function deleteApplications(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<ErasedApplications> {
  if (!ids.length) return { ids: [], fileIds: [], candidateIds: [], candidatesDeleted: 0, personalValues: [] };
  const rows = await raw<{ id: string; resume_id: string | null; answers: ExportedApplicationRow['answers']; candidate_id: string; name: string; email: string; phone: string | null }>(
    em,
    `delete from applications where organization_id = ? and id::text = any(?::text[]) returning id, resume_id, answers, candidate_id, name, email, phone`,
    [organizationId, [...ids]],
  );
  const candidateIds = [...new Set(rows.map((r) => String(r.candidate_id)))];
  const candidates = await raw<{ name: string; email: string; phone: string | null }>(
    em,
    `delete from candidates c where c.organization_id = ? and c.id::text = any(?::text[])
       and not exists (select 1 from applications a where a.candidate_id = c.id)
     returning name, email, phone`,
    [organizationId, candidateIds],
  );
  const personal = new Set<string>();
  for (const r of [...rows, ...candidates]) for (const value of [r.name, r.email, r.email?.toLowerCase(), r.phone]) if (value) personal.add(value);
  return {
    ids: rows.map((r) => String(r.id)),
    fileIds: rows.flatMap((r) => [r.resume_id, ...(r.answers ?? []).map((a) => a.fileId)]).filter((id): id is string => Boolean(id)),
    candidateIds,
    candidatesDeleted: candidates.length,
    personalValues: [...personal],
  };
}

/** The candidate's applications for the export (all of them; the caller checked confidential access). */
export function exportedApplications(em: EntityManager, organizationId: string, emailKey: string): Promise<ExportedApplicationRow[]> {
  return raw<ExportedApplicationRow>(
    em,
    `select a.id, a.posting_id, p.title as posting_title, a.created_at, a.status, a.name, a.email, a.phone, a.current_company, a.urls, a.comments,
       a.answers, a.consent, a.source, a.timezone, a.ip, a.user_agent, a.legal_hold, a.resume_id,
       a.privacy_notice_version, a.privacy_notice_accepted_at, n.text as privacy_notice_text, n.url as privacy_notice_url
     from applications a join posting_directory p on p.id = a.posting_id
     left join privacy_notice_versions n on n.organization_id = a.organization_id and n.version = a.privacy_notice_version
     where ${MATCHES_EMAIL} order by a.created_at`,
    [organizationId, emailKey, organizationId, emailKey],
  );
}
