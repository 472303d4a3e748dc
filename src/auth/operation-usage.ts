import type { Logger } from 'pino';

/**
 * What happened to one call of a key, per catalog operation:
 * - ALLOWED: the key held the operation and the check passed;
 * - REFUSED: FORBIDDEN because the key lacks the operation (the operation is the
 *   permission that would have allowed the call);
 * - CONFIDENTIAL_READ: the key (with allowConfidential) loaded a row flagged
 *   confidential; counted under the pseudo-operation CONFIDENTIAL_OPERATION.
 */
export type UsageOutcome = 'ALLOWED' | 'REFUSED' | 'CONFIDENTIAL_READ';

/** The operation column of confidential-read rows (not a catalog id). */
export const CONFIDENTIAL_OPERATION = '*';

const DAY_MS = 86_400_000;

/** One batched row: counts of one key, operation and outcome on one UTC day. */
export interface OperationUsageRow {
  credentialId: string;
  operation: string;
  outcome: UsageOutcome;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/** Where a flush writes (modules/credentials/credential-usage.repository.ts: one upsert that adds). */
export interface OperationUsageSink {
  addOperationUsage(rows: OperationUsageRow[]): Promise<void>;
}

interface Pending {
  credentialId: string;
  operation: string;
  outcome: UsageOutcome;
  dayNumber: number;
  count: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Per-key, per-operation counters of allowed and refused calls, kept in memory and
 * written in ONE upsert per interval (`count = count + excluded.count`), so the
 * request path never runs SQL and several instances add up. Like UsageRecorder, a
 * lost batch (database down at flush time) only loses counts, never fails a request.
 */
export class OperationUsage {
  private pending = new Map<string, Pending>();
  private readonly timer: NodeJS.Timeout | undefined;
  /** Set to false to measure the path without counting (benchmark only). */
  enabled = true;

  constructor(
    private readonly sink: OperationUsageSink,
    private readonly logger: Logger,
    intervalMs: number,
  ) {
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.flush(), Math.max(10, intervalMs));
      this.timer.unref();
    }
  }

  record(credentialId: string, operation: string, outcome: UsageOutcome, now = Date.now()): void {
    if (!this.enabled) return;
    const dayNumber = Math.floor(now / DAY_MS);
    const key = `${credentialId}|${operation}|${outcome}|${dayNumber}`;
    const entry = this.pending.get(key);
    if (entry) {
      entry.count += 1;
      entry.lastAt = now;
    } else {
      this.pending.set(key, { credentialId, operation, outcome, dayNumber, count: 1, firstAt: now, lastAt: now });
    }
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.sink.addOperationUsage(
        batch.map((p) => ({
          credentialId: p.credentialId,
          operation: p.operation,
          outcome: p.outcome,
          day: new Date(p.dayNumber * DAY_MS).toISOString().slice(0, 10),
          count: p.count,
          firstAt: new Date(p.firstAt),
          lastAt: new Date(p.lastAt),
        })),
      );
    } catch (err) {
      this.logger.warn({ err, rows: batch.length }, 'could not record API key operation usage');
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
