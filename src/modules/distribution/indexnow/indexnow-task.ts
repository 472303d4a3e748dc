import type { JobQueue } from '../../../db/job-queue';
import type { Logger } from 'pino';
import { SEARCH_NOTICE_TASK, type SearchNotice } from '../../postings';
import { INDEXNOW_BATCH, IndexNowRefused, submitToIndexNow, type IndexNowTarget } from './indexnow-client';
import { indexNowKeyPath } from './indexnow-key';

/** Per-destination counters for /metrics: notices sent, refused by the engine, and attempts that will be retried. */
export interface NoticeCounters {
  sent: number;
  refused: number;
  retried: number;
}

/**
 * Defines the queue task that sends IndexNow notices. A job holds every notice enqueued
 * while it waited; each distinct URL is sent once (IndexNow re-crawls the page and finds
 * out itself whether it is gone), in batches of 10 000. A failed batch throws, so the
 * queue retries the job with its backoff; a refusal is logged and not retried.
 */
export function defineIndexNowTask(jobs: JobQueue, target: IndexNowTarget, logger: Logger, counters: NoticeCounters): void {
  jobs.define(SEARCH_NOTICE_TASK, async (payload, { attempt, maxAttempts }) => {
    const notices = (Array.isArray(payload) ? payload : [payload]) as SearchNotice[];
    const urls = [...new Set(notices.map((n) => n.url))];
    for (let i = 0; i < urls.length; i += INDEXNOW_BATCH) {
      const batch = urls.slice(i, i + INDEXNOW_BATCH);
      try {
        await submitToIndexNow(target, batch);
        counters.sent += batch.length;
      } catch (err) {
        if (err instanceof IndexNowRefused) {
          counters.refused += batch.length;
          logger.warn({ destination: 'INDEXNOW', urls: batch.length, err: err.message }, 'search engine refused notices');
          continue;
        }
        if (attempt < maxAttempts) counters.retried += batch.length;
        throw err;
      }
    }
  });
}

/** The key file's location for a public URL. */
export function indexNowTarget(endpoint: string, publicUrl: string, key: string): IndexNowTarget {
  return { endpoint, host: new URL(publicUrl).host, key, keyLocation: `${publicUrl}${indexNowKeyPath(key)}` };
}
