import type { JobQueue } from '../../../db/job-queue';
import type { Logger } from 'pino';
import { latestPerUrl, SEARCH_NOTICE_TASK, type SearchNotice } from '../../postings';
import type { NoticeRecorder } from '../notices';
import { INDEXNOW_BATCH, IndexNowRefused, submitToIndexNow, type IndexNowTarget } from './indexnow-client';
import { indexNowKeyPath } from './indexnow-key';

/**
 * Defines the queue task that sends IndexNow notices. A job holds every notice enqueued
 * while it waited; each distinct URL is sent once (IndexNow re-crawls the page and finds
 * out itself whether it is gone), in batches of 10 000. A failed batch throws, so the
 * queue retries the job with its backoff; a refusal is logged and not retried.
 */
export function defineIndexNowTask(jobs: JobQueue, target: IndexNowTarget, logger: Logger, recorder: NoticeRecorder): void {
  jobs.define(SEARCH_NOTICE_TASK, async (payload, { attempt, maxAttempts }) => {
    const notices = (Array.isArray(payload) ? payload : [payload]) as SearchNotice[];
    // The latest notice per URL: the one the audit trail names.
    const byUrl = latestPerUrl(notices);
    for (let i = 0; i < byUrl.length; i += INDEXNOW_BATCH) {
      const batch = byUrl.slice(i, i + INDEXNOW_BATCH);
      try {
        await submitToIndexNow(target, batch.map((n) => n.url));
        await recorder.record('INDEXNOW', 'sent', batch);
      } catch (err) {
        if (err instanceof IndexNowRefused) {
          logger.warn({ destination: 'INDEXNOW', urls: batch.length, err: err.message }, 'search engine refused notices');
          await recorder.record('INDEXNOW', 'refused', batch);
          continue;
        }
        if (attempt < maxAttempts) await recorder.record('INDEXNOW', 'retried', batch);
        throw err;
      }
    }
  });
}

/** The key file's location for a public URL. */
export function indexNowTarget(endpoint: string, publicUrl: string, key: string): IndexNowTarget {
  return { endpoint, host: new URL(publicUrl).host, key, keyLocation: `${publicUrl}${indexNowKeyPath(key)}` };
}
