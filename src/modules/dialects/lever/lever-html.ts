import { usableOrigins } from '../../../http/origin';
import type { LeverPosting } from './lever-posting';

/** Text into HTML text or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface LeverGroup {
  title: string | null;
  postings: LeverPosting[];
}

function item(p: LeverPosting): string {
  const place = [p.categories.location, p.categories.team, p.categories.commitment].filter(Boolean).map((v) => escapeHtml(v!)).join(' – ');
  return (
    `<li class="lever-job" data-qa-posting-id="${escapeHtml(p.id)}">` +
    `<a class="lever-job-title" href="${escapeHtml(p.hostedUrl)}">${escapeHtml(p.text)}</a>` +
    (place ? `<span class="lever-job-tag">${place}</span>` : '') +
    `</li>`
  );
}

/** Lever's HTML mode: the jobs as a `ul` inside `<div class='lever'>`, one titled `ul` per group when grouped. */
export function leverListHtml(postings: LeverPosting[] | LeverGroup[], grouped: boolean): string {
  if (!grouped) return `<div class='lever'><ul class="lever-jobs-list">${(postings as LeverPosting[]).map(item).join('')}</ul></div>`;
  const groups = (postings as LeverGroup[])
    .map((g) => `<li class="lever-team"><h4 class="lever-team-title">${escapeHtml(g.title ?? 'Other')}</h4><ul>${g.postings.map(item).join('')}</ul></li>`)
    .join('');
  return `<div class='lever'><ul class="lever-jobs-list">${groups}</ul></div>`;
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Lever's iframe mode: a whole page with the same list, the stylesheet from `css=`,
 * and, with `resize=`, a hidden frame at that URL carrying `?height=` so the
 * embedding page can size the iframe (Lever's documented resize protocol).
 */
export function leverIframePage(listHtml: string, title: string, css: string | null, resize: string | null): string {
  const cssUrl = httpUrl(css);
  const resizeUrl = httpUrl(resize);
  const resizeScript = resizeUrl
    ? `<script>(function(){var f=document.createElement('iframe');f.style.display='none';` +
      `f.src=${JSON.stringify(resizeUrl).replace(/</g, '\\u003c')}+(${JSON.stringify(resizeUrl).replace(/</g, '\\u003c')}.indexOf('?')<0?'?':'&')+'height='+document.body.scrollHeight;` +
      `document.body.appendChild(f);})();</script>`
    : '';
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    (cssUrl ? `<link rel="stylesheet" href="${escapeHtml(cssUrl)}">` : '') +
    `<base target="_top"></head><body>${listHtml}${resizeScript}</body></html>`
  );
}

/**
 * The iframe may be framed only by the organization's allowed origins (the same
 * list CORS uses); with none configured, by nobody.
 */
export function frameAncestors(allowedOrigins: string[]): string {
  // Filtered again here, where a bad value would do harm: a CSP source list must never get a wildcard or a `;`.
  const origins = usableOrigins(allowedOrigins);
  return `frame-ancestors ${origins.length ? origins.join(' ') : "'none'"}`;
}
