import { randomBytes } from 'node:crypto';
import type { SearchNotice } from '../../postings';

/** The Indexing API's publish call, as each part of a batch names it. */
export const PUBLISH_PATH = '/v3/urlNotifications:publish';

/** Google takes at most 100 calls in one batch request. */
export const GOOGLE_BATCH_LIMIT = 100;

/** A multipart/mixed batch body (Google's batch format): one `POST /v3/urlNotifications:publish` per notice, Content-ID item<i>. */
export function batchRequest(notices: SearchNotice[]): { contentType: string; body: string } {
  const boundary = `jobgate_${randomBytes(12).toString('hex')}`;
  const parts = notices.map((n, i) =>
    [
      `--${boundary}`,
      'Content-Type: application/http',
      `Content-ID: <item${i}>`,
      '',
      `POST ${PUBLISH_PATH} HTTP/1.1`,
      'Content-Type: application/json',
      '',
      JSON.stringify({ url: n.url, type: n.kind }),
    ].join('\r\n'),
  );
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: `${parts.join('\r\n')}\r\n--${boundary}--\r\n` };
}

/**
 * The HTTP status of each part of a batch answer, by item index (`Content-ID:
 * <response-item<i>>`). A part missing from the answer has no status (undefined).
 */
export function batchStatuses(contentType: string | null, body: string, count: number): (number | undefined)[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  const statuses: (number | undefined)[] = new Array<number | undefined>(count).fill(undefined);
  if (!boundary) return statuses;
  for (const part of body.split(`--${boundary}`)) {
    const index = /content-id:\s*<response-item(\d+)>/i.exec(part)?.[1];
    const status = /^HTTP\/1\.[01] (\d{3})/m.exec(part)?.[1];
    if (index !== undefined && status !== undefined && Number(index) < count) statuses[Number(index)] = Number(status);
  }
  return statuses;
}
