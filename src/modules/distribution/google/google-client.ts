import type { SearchNotice } from '../../postings';
import { batchRequest, batchStatuses } from './google-batch';

/** What Google made of one notice of a batch. */
export type PartOutcome = 'sent' | 'refused' | 'retry' | 'quota';

/** The whole batch failed (network, 5xx, 401/403 on the request itself): nothing was taken, the queue retries it. */
export class GoogleBatchFailed extends Error {}

function outcomeOf(status: number | undefined): PartOutcome {
  if (status === undefined) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
  // Google's own daily quota is spent: nothing more goes through today.
  if (status === 429) return 'quota';
  if (status >= 500) return 'retry';
  return 'refused';
}

/** POSTs one batch (at most 100 notices) with the access token; returns each notice's outcome, in order. */
export async function publishBatch(endpoint: string, accessToken: string, notices: SearchNotice[], timeoutMs = 15_000): Promise<PartOutcome[]> {
  const { contentType, body } = batchRequest(notices);
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${accessToken}` },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new GoogleBatchFailed(`Google Indexing API unreachable: ${(err as Error).message}`);
  }
  const text = await res.text();
  if (res.status !== 200) throw new GoogleBatchFailed(`Google Indexing API answered the batch with HTTP ${res.status}`);
  return batchStatuses(res.headers.get('content-type'), text, notices.length).map(outcomeOf);
}
