import type { EntityManager } from '@mikro-orm/postgresql';
import { rawRows as raw } from '../../db/raw-rows';

/** What an erasure removed, as the audit trail must forget it. */
export interface ErasedRecords {
  /** The erased applications' ids. */
  ids: readonly string[];
  /** Their files' ids. */
  fileIds: readonly string[];
  /** The erased names, e-mail addresses and phone numbers. */
  personalValues: readonly string[];
}

/**
 * Scrubs the erased applications' personal data from the audit log, keeping who did
 * what when: events about the applications or their files lose the client address
 * (the candidate's browser on public applies) and free-text reasons, and every event
 * of the organization has each erased name, e-mail and phone replaced in its diff.
 * Returns how many events changed.
 */
export async function redactAuditEvents(em: EntityManager, organizationId: string, erased: ErasedRecords): Promise<number> {
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
export async function hasTombstone(em: EntityManager, organizationId: string, emailHash: string): Promise<boolean> {
  const rows = await raw<{ one: number }>(
    em,
    `select 1 as one from audit_events where organization_id = ? and action = 'candidate.erased' and changes->>'emailHash' = ? limit 1`,
    [organizationId, emailHash],
  );
  return rows.length > 0;
}
