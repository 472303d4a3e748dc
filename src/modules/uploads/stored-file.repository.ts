import type { EntityManager } from '@mikro-orm/postgresql';

export interface UnclaimedUsage {
  bytes: number;
  /** When the oldest unclaimed upload was staged; null when there is none. */
  oldest: Date | null;
}

/** SQL about stored files that the ORM does not express well (locks, sums, bulk deletes). */
export class StoredFileRepository {
  /**
   * Serializes uploads of one organization until the caller's transaction ends, so the
   * unclaimed-bytes cap cannot be raced past by parallel uploads.
   */
  async lockOrganizationUploads(em: EntityManager, organizationId: string): Promise<void> {
    await em.execute("select pg_advisory_xact_lock(hashtext('uploads:' || ?))", [organizationId]);
  }

  async unclaimedUsage(em: EntityManager, organizationId: string): Promise<UnclaimedUsage> {
    const [row] = await em.execute<{ bytes: string | null; oldest: Date | null }[]>(
      'select sum(size) as bytes, min(created_at) as oldest from stored_files where organization_id = ? and claimed_at is null',
      [organizationId],
    );
    return { bytes: Number(row?.bytes ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
  }

  /** Deletes never-claimed metadata older than `olderThanHours`; returns the ids so the bytes can follow. */
  async deleteStale(em: EntityManager, olderThanHours: number): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      'delete from stored_files where claimed_at is null and created_at < now() - make_interval(hours => ?) returning id',
      [olderThanHours],
    );
    return rows.map((r) => r.id);
  }
}
