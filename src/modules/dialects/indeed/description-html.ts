import type { FeedPosting } from './feed-posting';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The posting's full HTML in reading order, as Lever's hosted page shows it:
 * opening, description, each list as a heading and its items, then the closing
 * section. The parts were sanitized on write; list titles are plain text, so they
 * are escaped here.
 */
export function descriptionHtml(posting: Pick<FeedPosting, 'openingHtml' | 'descriptionHtml' | 'lists' | 'additionalHtml'>): string {
  const parts: string[] = [];
  if (posting.openingHtml) parts.push(posting.openingHtml);
  if (posting.descriptionHtml) parts.push(posting.descriptionHtml);
  for (const list of posting.lists ?? []) {
    if (list.title) parts.push(`<h3>${escapeText(list.title)}</h3>`);
    if (list.contentHtml) parts.push(`<ul>${list.contentHtml}</ul>`);
  }
  if (posting.additionalHtml) parts.push(posting.additionalHtml);
  return parts.join('\n');
}
