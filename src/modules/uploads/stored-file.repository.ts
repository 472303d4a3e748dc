import { rawRows as raw } from '../../db/raw-rows';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface UnclaimedUsage {
  bytes: number;
  /** When the oldest unclaimed upload was staged; null when there is none. */
  oldest: Date | null;
}

/** The organization's unclaimed uploads, and one client's and one posting's part of them. */
export interface UnclaimedUsages {
  organization: UnclaimedUsage;
  ip: UnclaimedUsage;
  posting: UnclaimedUsage;
}

/** The caps `stage` checks, in bytes; 0 = none. */
export interface UnclaimedCaps {
  ip: number;
  posting: number;
  organization: number;
}

/** Why `stage` refused a file: the share over its cap, with its unclaimed bytes and oldest upload. */
export interface CapRefusal {
  share: keyof UnclaimedUsages;
  usage: UnclaimedUsage;
}

export interface FileKeys {
  id: string;
  sha256: string;
}

const COLUMNS = 'id, organization_id, purpose, filename, content_type, size, sha256, created_at, claimed_at, created_by_type, created_by_id, created_by_name, created_by_on_behalf_of_user_id';

/** The SQL of `stored_files` that the ORM does not express well (locks, sums, conditional claims, bulk deletes). */
/**
 * The uploads a row written in the same statement claims (the apply), as CTEs for that
 * statement, so `stored_files` stays written by this module's SQL only:
 * - `wanted`: the referenced ids and the purposes each reference accepts;
 * - `claimable`: those unclaimed, of this organization and of an accepted purpose,
 *   locked (a concurrent claimer waits on the row lock, then sees `claimed_at` set and
 *   drops out);
 * - `ready`: `ok` when ALL of them are claimable; the caller writes only `where ok`,
 *   so a refused upload writes nothing (not even the other claims);
 * - `claimed`: the claim itself.
 * Its parameters are `claimUploadsParams`, in that order.
 */
export const CLAIM_UPLOADS_CTES = `wanted as (
  select u.id, u.purposes from jsonb_to_recordset(?::jsonb) as u(id uuid, purposes text[])
),
claimable as materialized (
  select f.id from stored_files f join wanted w on w.id = f.id
  where f.organization_id = ? and f.claimed_at is null and f.purpose = any(w.purposes)
  for update of f
),
ready as (
  select (select count(*) from claimable) = (select count(*) from wanted) as ok
),
claimed as (
  update stored_files set claimed_at = now(), staged_from_ip = null
  where id in (select id from claimable) and (select ok from ready)
  returning id
)`;

/** The parameters of `CLAIM_UPLOADS_CTES`: each upload with the purposes its reference accepts, and the organization. */
export function claimUploadsParams(uploads: readonly { uploadId: string; purposes: readonly string[] }[], organizationId: string): unknown[] {
  return [JSON.stringify(uploads.map((u) => ({ id: u.uploadId, purposes: u.purposes }))), organizationId];
}

export class StoredFileRepository {
  /**
   * Records an upload and its audit event in one statement, unless it would take a share
   * of the organization's unclaimed bytes past its cap (then nothing is written and the
   * refusal is returned). `stage_upload` (migration 20261204160000) serializes one
   * organization's uploads with an advisory lock, so parallel uploads cannot race past a
   * cap; outside a transaction the call is its own, so a refusal or failure leaves nothing.
   * `file` and `audit` are the rows' columns, by column name.
   */
  async stage(em: EntityManager, file: Record<string, unknown>, audit: Record<string, unknown>, caps: UnclaimedCaps): Promise<CapRefusal | null> {
    const [row] = await raw(em, 'select refused, bytes, oldest from stage_upload(?::jsonb, ?::jsonb, ?::jsonb)', [JSON.stringify(file), JSON.stringify(audit), JSON.stringify(caps)]);
    if (!row) return null;
    return { share: row.refused as keyof UnclaimedUsages, usage: { bytes: Number(row.bytes ?? 0), oldest: row.oldest ? new Date(row.oldest as string) : null } };
  }

  /** Deletes the given uploads of the organization that are still unclaimed; returns the rows so the bytes can follow. */
  async deleteUnclaimed(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<FileKeys[]> {
    if (!ids.length) return [];
    const rows = await raw(em, 'delete from stored_files where organization_id = ? and claimed_at is null and id::text = any(?::text[]) returning id, sha256', [organizationId, [...ids]]);
    return rows.map((r) => ({ id: String(r.id), sha256: String(r.sha256) }));
  }

  /** Deletes the given files of the organization, claimed or not, inside `em`'s transaction; returns the rows so the bytes can follow. */
  async deleteFiles(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<FileKeys[]> {
    if (!ids.length) return [];
    const rows = await raw(em, 'delete from stored_files where organization_id = ? and id::text = any(?::text[]) returning id, sha256', [organizationId, [...ids]]);
    return rows.map((r) => ({ id: String(r.id), sha256: String(r.sha256) }));
  }

  /** Deletes never-claimed metadata older than `olderThanHours`; returns the rows so the bytes can follow. */
  async deleteStale(em: EntityManager, olderThanHours: number): Promise<FileKeys[]> {
    return em.execute<FileKeys[]>(
      'delete from stored_files where claimed_at is null and created_at < now() - make_interval(hours => ?) returning id, sha256',
      [olderThanHours],
    );
  }

  /**
   * Marks an unclaimed upload of one of `purposes` used, inside `em`'s transaction, and
   * returns its row (null when none qualifies). One conditional UPDATE decides, so of
   * concurrent claims exactly one wins.
   */
  async claim(em: EntityManager, organizationId: string, id: string, purposes: readonly string[]): Promise<Record<string, unknown> | null> {
    if (!purposes.length) return null;
    const rows = await raw(
      em,
      `update stored_files set claimed_at = now(), staged_from_ip = null where id = ? and organization_id = ? and claimed_at is null and purpose in (${purposes.map(() => '?').join(', ')}) returning ${COLUMNS}`,
      [id, organizationId, ...purposes],
    );
    return rows[0] ?? null;
  }

  /** Why a claim failed: the row as the organization sees it, or null. */
  async claimState(em: EntityManager, organizationId: string, id: string): Promise<{ purpose: string; claimed: boolean } | null> {
    const [row] = await raw(em, 'select purpose, claimed_at from stored_files where id = ? and organization_id = ?', [id, organizationId]);
    return row ? { purpose: String(row.purpose), claimed: row.claimed_at != null } : null;
  }

  /** The organization owning a file, by id alone (signed downloads carry no credential). */
  async organizationOf(em: EntityManager, id: string): Promise<string | null> {
    const rows = await em.execute<{ organization_id: string }[]>('select organization_id from stored_files where id = ?', [id]);
    return rows[0]?.organization_id ?? null;
  }

  /** Of `keys`, those some row names in `column` (`id`, or `sha256` for a content-addressed store). */
  async referencedKeys(em: EntityManager, column: 'id' | 'sha256', keys: readonly string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const sql =
      column === 'id'
        ? 'select id::text as key from stored_files where id::text = any(?::text[])'
        : 'select distinct sha256 as key from stored_files where sha256 = any(?::text[])';
    const rows = await raw(em, sql, [[...keys]]);
    return new Set(rows.map((r) => String(r.key)));
  }

  /** Every file's keys after `afterId`, in id order (keyset pages for `files:migrate`). */
  async keysPage(em: EntityManager, afterId: string | null, limit: number): Promise<FileKeys[]> {
    return em.execute<FileKeys[]>(
      "select id, sha256 from stored_files where id > coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') order by id limit ?",
      [afterId, limit],
    );
  }

  async count(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ n: string }[]>('select count(*) as n from stored_files');
    return Number(row?.n ?? 0);
  }
}

/** Plain SQL inside `em`'s transaction, when it has one, with real bind parameters. */

/** A stored file's metadata as a candidate's data export lists it. */
export interface ExportedFileRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}

/** File metadata by id, within the organization (a candidate's data export), in `em`'s transaction. */
export function exportedFiles(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<ExportedFileRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return raw<ExportedFileRow>(
    em,
    `select id, filename, content_type, size, sha256, created_at from stored_files where organization_id = ? and id::text = any(?::text[]) order by created_at`,
    [organizationId, [...ids]],
  );
}
