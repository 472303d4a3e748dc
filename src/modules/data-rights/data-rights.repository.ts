import type { EntityManager } from '@mikro-orm/postgresql';
import { rawRows } from '../../db/raw-rows';
import { applicationsOfEmail, deleteApplications, expiredApplications, exportedApplications, type ErasedApplications, type ExportedApplicationRow } from '../applications';
import { hasTombstone, redactAuditEvents } from '../audit';
import { exportedFiles, type ExportedFileRow } from '../uploads';

export type { ErasedApplications, ExportedApplicationRow, ExportedFileRow };

/**
 * What candidate data rights read and change, each through the table's owner (this
 * module owns only `privacy_notices`): the candidate's applications and their erasure
 * (applications), the audit trail's redaction and tombstones (audit), file metadata
 * (uploads), and the organizations' retention settings through organizations' view.
 * Every statement runs inside the caller's transaction (`em` is a transactional fork).
 */
export class DataRightsRepository {
  /** Ids of the organization's applications from this e-mail key, and how many of them are confidential (they or their posting). */
  applicationsOf(em: EntityManager, organizationId: string, emailKey: string): Promise<{ ids: string[]; confidential: number }> {
    return applicationsOfEmail(em, organizationId, emailKey);
  }

  /** Up to `limit` applications past their retention period at `now` (see applications' `expiredApplications`). */
  expiredApplications(em: EntityManager, organizationId: string, now: Date, days: number, consentedDays: number, limit: number): Promise<string[]> {
    return expiredApplications(em, organizationId, now, days, consentedDays, limit);
  }

  /** Organizations with a retention period, and the periods. */
  async organizationsWithRetention(em: EntityManager): Promise<{ id: string; days: number; consentedDays: number }[]> {
    const rows = await rawRows<{ id: string; days: number; consented_days: number | null }>(
      em,
      `select id, (settings->>'application_retention_days')::int as days, (settings->>'consented_retention_days')::int as consented_days
       from organization_directory where settings->>'application_retention_days' is not null`,
      [],
    );
    return rows.map((r) => ({ id: String(r.id), days: Number(r.days), consentedDays: Number(r.consented_days ?? r.days) }));
  }

  /** Deletes the applications and the candidates left with none; returns what the files and audit trail need. */
  deleteApplications(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<ErasedApplications> {
    return deleteApplications(em, organizationId, ids);
  }

  /** Scrubs the erased applications' personal data from the audit log; returns how many events changed. */
  redactAuditEvents(em: EntityManager, organizationId: string, erased: Pick<ErasedApplications, 'ids' | 'fileIds' | 'personalValues'>): Promise<number> {
    return redactAuditEvents(em, organizationId, erased);
  }

  /** Whether a tombstone for this e-mail hash exists (an erasure that already ran). */
  hasTombstone(em: EntityManager, organizationId: string, emailHash: string): Promise<boolean> {
    return hasTombstone(em, organizationId, emailHash);
  }

  /** The candidate's applications for the export (all of them; the caller checked confidential access). */
  exportedApplications(em: EntityManager, organizationId: string, emailKey: string): Promise<ExportedApplicationRow[]> {
    return exportedApplications(em, organizationId, emailKey);
  }

  /** File metadata by id, within the organization. */
  files(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<ExportedFileRow[]> {
    return exportedFiles(em, organizationId, ids);
  }
}
