import sanitizeHtml from 'sanitize-html';

/**
 * Posting HTML is written by recruiters (or imported from Lever/Greenhouse) and
 * rendered by career sites, so it is sanitized on write against an allow-list:
 * structure and emphasis survive, styles, classes, scripts, iframes and event
 * handlers do not. `div`/`span` are kept (without attributes) because imported
 * content uses them for its paragraphs.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'div', 'span', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Content of these is dropped entirely, not just the tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
};

export function sanitizePostingHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|ul|ol)>/gi;
const BREAK = /<br\s*\/?>/gi;
const LIST_ITEM = /<li>/gi;

/**
 * The plain-text twin of sanitized HTML: tags removed, entities decoded, and the
 * line structure kept (paragraphs, breaks and list items end lines; items get
 * "- "), so career sites and the feed can show it without an HTML renderer.
 */
export function toPlainText(html: string | null | undefined): string {
  if (!html) return '';
  const marked = html.replace(BREAK, '\n').replace(LIST_ITEM, '- ').replace(BLOCK_END, '\n');
  // Stripping every tag with the same parser decodes all entities; its output
  // re-escapes only these four, which we undo last (&amp; after the others).
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Sanitized HTML and its plain twin, or both null for empty input. */
export function htmlPair(input: string | null | undefined): { html: string | null; plain: string | null } {
  if (input == null) return { html: null, plain: null };
  const html = sanitizePostingHtml(input);
  if (!html) return { html: null, plain: null };
  return { html, plain: toPlainText(html) };
}
