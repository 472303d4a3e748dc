import type { EntityManager } from '@mikro-orm/postgresql';

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

export interface ExportedFileRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}

/** An application is confidential to a principal while it, or its posting, is. */
const MATCHES_EMAIL = `a.organization_id = ? and (lower(btrim(a.email)) = ? or a.candidate_id in (select c.id from candidates c where c.organization_id = ? and c.email_key = ?))`;

/**
 * The SQL of candidate data rights: finding a candidate's applications by e-mail,
 * finding applications past their organization's retention period, erasing
 * applications with their candidates and the personal data in audit diffs.
 * Every statement runs inside the caller's transaction (`em` is a transactional fork).
 */
export class DataRightsRepository {
  /** Ids of the organization's applications from this e-mail key, and how many of them are confidential (they or their posting). */
  async applicationsOf(em: EntityManager, organizationId: string, emailKey: string): Promise<{ ids: string[]; confidential: number }> {
    const rows = await raw<{ id: string; confidential: boolean }>(
      em,
      `select a.id, (a.confidential or p.confidential) as confidential from applications a join postings p on p.id = a.posting_id
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
  async expiredApplications(em: EntityManager, organizationId: string, now: Date, days: number, consentedDays: number, limit: number): Promise<string[]> {
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

  /** Organizations with a retention period, and the periods. */
  async organizationsWithRetention(em: EntityManager): Promise<{ id: string; days: number; consentedDays: number }[]> {
    const rows = await raw<{ id: string; days: number; consented_days: number | null }>(
      em,
      `select id, (settings->>'application_retention_days')::int as days, (settings->>'consented_retention_days')::int as consented_days
       from organizations where settings->>'application_retention_days' is not null`,
      [],
    );
    return rows.map((r) => ({ id: String(r.id), days: Number(r.days), consentedDays: Number(r.consented_days ?? r.days) }));
  }

  /** Deletes the applications and the candidates left with none; returns what the files and audit trail need. */
  async deleteApplications(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<ErasedApplications> {
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

  /**
   * Scrubs the erased applications' personal data from the audit log, keeping who did
   * what when: events about the applications or their files lose the client address
   * (the candidate's browser on public applies) and free-text reasons, and every event
   * of the organization has each erased name, e-mail and phone replaced in its diff.
   * Returns how many events changed.
   */
  async redactAuditEvents(em: EntityManager, organizationId: string, erased: Pick<ErasedApplications, 'ids' | 'fileIds' | 'personalValues'>): Promise<number> {
    const changed = new Set<string>();
    const targets = [...erased.ids, ...erased.fileIds];
    if (targets.length) {
      const rows = await raw<{ id: string }>(
        em,
        `update audit_events set ip = null, user_agent = null, changes = changes - 'archiveReason'
         where organization_id = ? and target_type in ('Application', 'StoredFile') and target_id = any(?::text[])
         returning id`,
        [organizationId, targets],
      );
      for (const r of rows) changed.add(String(r.id));
    }
    for (const value of erased.personalValues) {
      // The value as it appears inside a JSON string, so the replacement keeps the document valid.
      const inJson = JSON.stringify(value).slice(1, -1);
      const rows = await raw<{ id: string }>(
        em,
        `update audit_events set changes = replace(changes::text, ?, '[erased]')::jsonb
         where organization_id = ? and changes is not null and strpos(changes::text, ?) > 0 returning id`,
        [inJson, organizationId, inJson],
      );
      for (const r of rows) changed.add(String(r.id));
    }
    return changed.size;
  }

  /** Whether a tombstone for this e-mail hash exists (an erasure that already ran). */
  async hasTombstone(em: EntityManager, organizationId: string, emailHash: string): Promise<boolean> {
    const rows = await raw<{ one: number }>(
      em,
      `select 1 as one from audit_events where organization_id = ? and action = 'candidate.erased' and changes->>'emailHash' = ? limit 1`,
      [organizationId, emailHash],
    );
    return rows.length > 0;
  }

  /** The candidate's applications for the export (all of them; the caller checked confidential access). */
  exportedApplications(em: EntityManager, organizationId: string, emailKey: string): Promise<ExportedApplicationRow[]> {
    return raw<ExportedApplicationRow>(
      em,
      `select a.id, a.posting_id, p.title as posting_title, a.created_at, a.status, a.name, a.email, a.phone, a.current_company, a.urls, a.comments,
         a.answers, a.consent, a.source, a.timezone, a.ip, a.user_agent, a.legal_hold, a.resume_id,
         a.privacy_notice_version, a.privacy_notice_accepted_at, n.text as privacy_notice_text, n.url as privacy_notice_url
       from applications a join postings p on p.id = a.posting_id
       left join privacy_notices n on n.organization_id = a.organization_id and n.version = a.privacy_notice_version
       where ${MATCHES_EMAIL} order by a.created_at`,
      [organizationId, emailKey, organizationId, emailKey],
    );
  }

  /** File metadata by id, within the organization. */
  files(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<ExportedFileRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return raw<ExportedFileRow>(
      em,
      `select id, filename, content_type, size, sha256, created_at from stored_files where organization_id = ? and id::text = any(?::text[]) order by created_at`,
      [organizationId, [...ids]],
    );
  }
}

/** Plain SQL inside `em`'s transaction, when it has one, with real bind parameters (arrays included). */
async function raw<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const query = em.getKnex().raw(sql, params as never[]);
  const trx = em.getTransactionContext();
  if (trx) void query.transacting(trx);
  const result = (await query) as { rows: T[] };
  return result.rows;
}
