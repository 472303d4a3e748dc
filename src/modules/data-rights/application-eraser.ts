import type { EntityManager } from '@mikro-orm/postgresql';
import type { UploadService } from '../uploads';
import { DataRightsRepository } from './data-rights.repository';

/** The files an erasure removed from the table; their bytes go once the transaction has committed. */
export type ErasedFileKeys = Awaited<ReturnType<UploadService['deleteFileRows']>>;

export interface ErasureCounts {
  applications: number;
  files: number;
  candidates: number;
  auditEventsRedacted: number;
}

/**
 * The one way applications are erased, shared by the retention sweep and erasure on
 * request: inside the caller's transaction it deletes the applications, their file
 * rows and the candidates left with none, and scrubs their personal data from audit
 * diffs; `deleteBytes` then removes the files from the store after commit (what it
 * misses, the orphan sweep takes: no row points at it any more).
 */
export class ApplicationEraser {
  private readonly repository = new DataRightsRepository();

  constructor(private readonly uploads: UploadService) {}

  async erase(tx: EntityManager, organizationId: string, ids: readonly string[]): Promise<{ counts: ErasureCounts; files: ErasedFileKeys }> {
    const erased = await this.repository.deleteApplications(tx, organizationId, ids);
    const files = await this.uploads.deleteFileRows(tx, organizationId, erased.fileIds);
    const auditEventsRedacted = await this.repository.redactAuditEvents(tx, organizationId, erased);
    return { counts: { applications: erased.ids.length, files: files.length, candidates: erased.candidatesDeleted, auditEventsRedacted }, files };
  }

  deleteBytes(files: ErasedFileKeys): Promise<number> {
    return this.uploads.deleteObjects(files);
  }
}
