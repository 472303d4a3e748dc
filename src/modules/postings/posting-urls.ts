/** What the URLs of a posting depend on: the organization's careers site, or our own public URL. */
export interface PostingUrlBase {
  slug: string;
  careersSiteUrl: string | null;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Where the posting is shown. With a careers site configured, its pages are
 * `<careersSiteUrl>/<postingId>` (Lever's hosted-page shape); otherwise our own
 * public URL hosts them under `/jobs/<slug>/<postingId>`.
 */
export function hostedUrl(org: PostingUrlBase, publicUrl: string, postingId: string): string {
  if (org.careersSiteUrl) return `${trimSlash(org.careersSiteUrl)}/${postingId}`;
  return `${trimSlash(publicUrl)}/jobs/${encodeURIComponent(org.slug)}/${postingId}`;
}

/** The application form, next to the hosted page as on Lever (`…/<postingId>/apply`). */
export function applyUrl(org: PostingUrlBase, publicUrl: string, postingId: string): string {
  return `${hostedUrl(org, publicUrl, postingId)}/apply`;
}
