export type SearchNoticeKind = 'URL_UPDATED' | 'URL_DELETED';

/** One hosted page to announce. Engine jobs hold an array of these, merged while waiting (graphile-worker batch jobs). */
export interface SearchNotice {
  organizationId: string;
  postingId: string;
  url: string;
  kind: SearchNoticeKind;
}

/** One notice per URL, the latest kind winning (a page published and then closed is announced closed only), in first-seen order. */
export function latestPerUrl<N extends SearchNotice>(notices: readonly N[]): N[] {
  return [...new Map(notices.map((n) => [n.url, n])).values()];
}
