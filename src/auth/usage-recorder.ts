import type { Logger } from 'pino';

type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

interface Pending {
  count: number;
  lastUsedAt: Date;
}

/**
 * `lastUsedAt` and `useCount` are gathered in memory and written in one
 * `UPDATE … FROM (VALUES …)` per interval for every key used since, so a busy key
 * costs one write per interval instead of one per request.
 */
export class UsageRecorder {
  private pending = new Map<string, Pending>();
  private readonly timer: NodeJS.Timeout;
  /** Flush statements issued, for tests and the benchmark. */
  flushes = 0;

  constructor(
    private readonly execute: Execute,
    private readonly logger: Logger,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(), Math.max(10, intervalMs));
    this.timer.unref();
  }

  record(credentialId: string, at = new Date()): void {
    const entry = this.pending.get(credentialId);
    if (entry) {
      entry.count += 1;
      entry.lastUsedAt = at;
    } else {
      this.pending.set(credentialId, { count: 1, lastUsedAt: at });
    }
  }

  /** Uses counted here and not yet written, for `useCount` on this instance. */
  pendingCount(credentialId: string): number {
    return this.pending.get(credentialId)?.count ?? 0;
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch.entries()];
    const values = rows.map(() => '(?::uuid, ?::integer, ?::timestamptz)').join(', ');
    const params = rows.flatMap(([id, p]) => [id, p.count, p.lastUsedAt]);
    try {
      this.flushes += 1;
      await this.execute(
        `update api_credentials c
            set use_count = c.use_count + v.n,
                last_used_at = greatest(coalesce(c.last_used_at, v.at), v.at)
           from (values ${values}) as v(id, n, at)
          where c.id = v.id`,
        params,
      );
    } catch (err) {
      // Usage is approximate by design; losing one batch must not fail anything else.
      this.logger.warn({ err, keys: rows.length }, 'could not record API key usage');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
