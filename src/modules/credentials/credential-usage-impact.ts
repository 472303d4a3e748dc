import { createHash } from 'node:crypto';
import { CONFIDENTIAL_OPERATION } from '../../auth/operation-usage';
import type { StoredUsageRow } from './credential-usage.repository';

/** One operation's use in a window, summed over its daily buckets. */
export interface OperationTally {
  operation: string;
  allowedCount: number;
  refusedCount: number;
  firstAllowedAt: Date | null;
  lastAllowedAt: Date | null;
  firstRefusedAt: Date | null;
  lastRefusedAt: Date | null;
  daily: { day: string; allowed: number; refused: number }[];
}

export interface UsageTally {
  operations: Map<string, OperationTally>;
  confidentialReads: number;
  lastConfidentialReadAt: Date | null;
}

const earlier = (a: Date | null, b: Date) => (a && a <= b ? a : b);
const later = (a: Date | null, b: Date) => (a && a >= b ? a : b);

/** Sums daily rows into per-operation tallies (rows arrive ordered by day). */
export function tally(rows: readonly StoredUsageRow[]): UsageTally {
  const operations = new Map<string, OperationTally>();
  let confidentialReads = 0;
  let lastConfidentialReadAt: Date | null = null;
  for (const row of rows) {
    if (row.outcome === 'CONFIDENTIAL_READ' || row.operation === CONFIDENTIAL_OPERATION) {
      confidentialReads += row.count;
      lastConfidentialReadAt = later(lastConfidentialReadAt, row.lastAt);
      continue;
    }
    let t = operations.get(row.operation);
    if (!t) {
      t = { operation: row.operation, allowedCount: 0, refusedCount: 0, firstAllowedAt: null, lastAllowedAt: null, firstRefusedAt: null, lastRefusedAt: null, daily: [] };
      operations.set(row.operation, t);
    }
    let day = t.daily.at(-1);
    if (day?.day !== row.day) t.daily.push((day = { day: row.day, allowed: 0, refused: 0 }));
    if (row.outcome === 'ALLOWED') {
      t.allowedCount += row.count;
      day.allowed += row.count;
      t.firstAllowedAt = earlier(t.firstAllowedAt, row.firstAt);
      t.lastAllowedAt = later(t.lastAllowedAt, row.lastAt);
    } else {
      t.refusedCount += row.count;
      day.refused += row.count;
      t.firstRefusedAt = earlier(t.firstRefusedAt, row.firstAt);
      t.lastRefusedAt = later(t.lastRefusedAt, row.lastAt);
    }
  }
  return { operations, confidentialReads, lastConfidentialReadAt };
}

export interface RemovedOperation {
  operation: string;
  allowedCount: number;
  lastUsedAt: Date | null;
}

/** What a change of grant would do to a key, judged by its recorded usage. */
export interface PermissionImpact {
  /** Granted now, not after, and called (allowed) in the window: these calls would start failing. */
  removedWhileUsed: RemovedOperation[];
  /** Granted now, not after, never called in the window. */
  removedUnused: string[];
  added: string[];
  confidentialReads: number;
  /** allowConfidential would be switched off while the key read confidential rows in the window. */
  confidentialReadsWouldBeHidden: boolean;
  breaks: boolean;
  /** Hash of everything above except times: a save carrying it is refused if the impact has changed since. */
  impactHash: string;
}

export interface GrantChange {
  current: readonly string[];
  next: readonly string[];
  currentConfidential: boolean;
  nextConfidential: boolean;
}

export function impactOf(change: GrantChange, usage: UsageTally): PermissionImpact {
  const next = new Set(change.next);
  const current = new Set(change.current);
  const removed = [...current].filter((id) => !next.has(id)).sort();
  const removedWhileUsed = removed
    .map((operation) => ({ operation, tally: usage.operations.get(operation) }))
    .filter(({ tally }) => (tally?.allowedCount ?? 0) > 0)
    .map(({ operation, tally }) => ({ operation, allowedCount: tally!.allowedCount, lastUsedAt: tally!.lastAllowedAt }));
  const used = new Set(removedWhileUsed.map((r) => r.operation));
  const removedUnused = removed.filter((id) => !used.has(id));
  const added = [...next].filter((id) => !current.has(id)).sort();
  const confidentialReadsWouldBeHidden = change.currentConfidential && !change.nextConfidential && usage.confidentialReads > 0;
  const hashed = {
    removedWhileUsed: removedWhileUsed.map((r) => [r.operation, r.allowedCount]),
    removedUnused,
    added,
    confidentialReadsHidden: confidentialReadsWouldBeHidden ? usage.confidentialReads : 0,
  };
  return {
    removedWhileUsed,
    removedUnused,
    added,
    confidentialReads: usage.confidentialReads,
    confidentialReadsWouldBeHidden,
    breaks: removedWhileUsed.length > 0 || confidentialReadsWouldBeHidden,
    impactHash: createHash('sha256').update(JSON.stringify(hashed)).digest('base64url').slice(0, 22),
  };
}
