import { convert, type HtmlToTextOptions } from 'html-to-text';
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

const BLOCK = { options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } };

/**
 * html-to-text (a maintained HTML parser and renderer) instead of regexes over
 * tags: entities, nesting and odd markup are its job. One line per paragraph,
 * "- " before every list item, link text without the URL (the HTML twin keeps
 * the link), headings as written, no word wrapping.
 */
const TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    ...['p', 'div', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'block', ...BLOCK })),
    { selector: 'ul', options: { itemPrefix: '- ', leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'ol', format: 'unorderedList', options: { itemPrefix: '- ', leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'a', options: { ignoreHref: true } },
  ],
};

/**
 * The plain-text twin of sanitized HTML: tags removed, entities decoded, and the
 * line structure kept (paragraphs, breaks and list items end lines; items get
 * "- "), so career sites and the feed can show it without an HTML renderer.
 */
export function toPlainText(html: string | null | undefined): string {
  if (!html) return '';
  return convert(html, TO_TEXT)
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
