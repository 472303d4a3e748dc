import type { Logger } from 'pino';

import type { KeyStore } from './key-store';

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
    private readonly repository: Pick<KeyStore, 'addUsage'>,
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
    try {
      this.flushes += 1;
      await this.repository.addUsage(rows.map(([credentialId, p]) => ({ credentialId, count: p.count, lastUsedAt: p.lastUsedAt })));
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
