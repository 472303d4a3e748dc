/** IndexNow accepts at most this many URLs per request. */
export const INDEXNOW_BATCH = 10_000;

export interface IndexNowTarget {
  endpoint: string;
  /** The public origin's host, e.g. jobs.example.com. */
  host: string;
  key: string;
  keyLocation: string;
}

/** A refusal the engine will repeat (bad key, bad host, bad request): retrying is pointless. */
export class IndexNowRefused extends Error {}

/**
 * POSTs one batch. 200 and 202 are success; 400, 403 and 422 are refusals (the key or
 * a URL is wrong); anything else (429, 5xx, network) throws for the queue to retry.
 */
export async function submitToIndexNow(target: IndexNowTarget, urlList: string[], timeoutMs = 10_000): Promise<void> {
  const res = await fetch(target.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ host: target.host, key: target.key, keyLocation: target.keyLocation, urlList }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer();
  if (res.status === 200 || res.status === 202) return;
  if ([400, 403, 422].includes(res.status)) throw new IndexNowRefused(`IndexNow refused the batch: HTTP ${res.status}`);
  throw new Error(`IndexNow answered HTTP ${res.status}`);
}
