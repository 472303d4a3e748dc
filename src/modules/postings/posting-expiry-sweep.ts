import type { MikroORM } from '@mikro-orm/postgresql';
import { systemFork } from '../../db/request-scope';
import type { WebhookService } from '../webhooks';
import { sweepExpired, tryExpirySweepLock } from './posting-counts.repository';
import type { PostingState } from './posting-enums';
import { enqueueExpiryNotices, type SearchNoticeSink } from './posting-notices';
import { enqueuePostingEvents } from './posting-webhooks';

/** A posting the sweep took out of the public set. */
export interface ExpiredPosting {
  id: string;
  organizationId: string;
}

/**
 * Postings that expire with time leave the public set without any write, so the
 * counts table learns of it here, and subscribers get `posting.unpublished` in the
 * same transaction. It runs once a minute as a job of the queue;
 * the transaction-level try-lock still keeps a late run from overlapping the next
 * one. Between runs the read corrects for swept-late rows, so the interval only
 * bounds how much the read has to correct, never what it returns.
 */
export class PostingExpirySweep {
  constructor(
    private readonly orm: MikroORM,
    private readonly webhooks: WebhookService,
    private readonly publicUrl: string,
    private readonly notices?: SearchNoticeSink,
  ) {}

  /** Sweeps once and returns the postings it expired (their webhook events and search-engine notices queued in the same transaction); `null` when another instance holds the lock. */
  runOnce(): Promise<ExpiredPosting[] | null> {
    return systemFork(this.orm).transactional(async (em) => {
      if (!(await tryExpirySweepLock(em))) return null;
      const swept = await sweepExpired(em);
      for (const p of swept) {
        const state = p.state as PostingState;
        const expiresAt = new Date(p.expires_at);
        const before = { id: p.id, state, confidential: p.confidential, expiresAt: null, updatedAt: new Date(p.updated_at) };
        await enqueuePostingEvents(em, this.webhooks, this.publicUrl, p.organization_id, before, { ...before, expiresAt });
      }
      const expired = swept.map((p) => ({ id: p.id, organizationId: p.organization_id }));
      await enqueueExpiryNotices(em, this.notices, expired);
      return expired;
    });
  }
}
