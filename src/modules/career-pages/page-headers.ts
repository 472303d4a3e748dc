import type { FastifyReply } from 'fastify';
import { usableOrigins } from '../../http/origin';

export const STYLESHEET_PATH = '/jobs-assets/site.css';

export interface PageSecurity {
  /** The organization's allowed origins, which may frame the pages (Lever's iframe mode). */
  frameOrigins: readonly string[];
  /** CSP hash sources of the page's inline data blocks (JSON-LD). */
  scriptHashes: readonly string[];
  /** Whether the page's form posts (to itself). */
  form?: boolean;
}

/**
 * A strict policy: nothing runs (no script at all, except hashed JSON-LD data
 * blocks), styles and images from this origin only, forms post only here.
 */
export function contentSecurityPolicy(security: PageSecurity): string {
  // Filtered again here, where a bad value would do harm: a CSP source list must never get a wildcard or a `;`.
  const frame = ["'self'", ...usableOrigins(security.frameOrigins)].join(' ');
  return [
    "default-src 'none'",
    `script-src ${security.scriptHashes.length ? security.scriptHashes.join(' ') : "'none'"}`,
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self'`,
    `frame-ancestors ${frame}`,
    "base-uri 'none'",
  ].join('; ');
}

/** Headers every HTML page carries, cached or not. */
export function securityHeaders(security: PageSecurity): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(security),
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
  };
  // X-Frame-Options cannot list origins; frame-ancestors (which browsers prefer) does, so it is only sent when no origin may frame.
  if (!usableOrigins(security.frameOrigins).length) headers['x-frame-options'] = 'SAMEORIGIN';
  return headers;
}

export function sendHtml(reply: FastifyReply, status: number, html: string, headers: Record<string, string>) {
  return reply.status(status).headers(headers).type('text/html; charset=utf-8').send(html);
}
