export type SearchNoticeKind = 'URL_UPDATED' | 'URL_DELETED';

/** One hosted page to announce. Engine jobs hold an array of these, merged while waiting (graphile-worker batch jobs). */
export interface SearchNotice {
  organizationId: string;
  postingId: string;
  url: string;
  kind: SearchNoticeKind;
}
