/**
 * What an allowed origin is: exactly `scheme://host[:port]`, http or https, as a browser
 * writes it in the Origin header. These values go into CORS answers and into CSP
 * `frame-ancestors`, where `https://*.example.com` would let every subdomain (or anyone
 * who registers one) frame the hosted pages; so no wildcard, path, query, fragment,
 * userinfo, whitespace or CSP punctuation.
 */
const SHAPE = /^(https?):\/\/([A-Za-z0-9.\-[\]:\u0080-\uFFFF]+)\/?$/i;

/**
 * The origin in the form browsers send it (lower-case scheme and host, no default port,
 * an IDN host in punycode), or null when the value is not an exact origin. A lone
 * trailing slash is accepted, since it names the same origin and is what people paste.
 * IDN hosts are converted rather than refused: browsers send the punycode form, so the
 * converted value is the only one that can ever match.
 */
export function normalizeOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300 || !SHAPE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  // The WHATWG parser lets `*` (and other characters no DNS name has) through as a host.
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(url.hostname) || url.hostname.startsWith('.') || url.hostname.endsWith('.') || url.hostname.includes('..')) return null;
  return url.origin;
}

/**
 * Stored allowed origins filtered at use: settings written before the rule above may hold
 * values it refuses, and none of them may reach a CORS answer or a CSP header.
 */
export function usableOrigins(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((value): value is string => typeof value === 'string' && normalizeOrigin(value) === value);
}

/** The origin a URL-valued header (Referer, a configured URL) names, or null when it names no http(s) origin. */
export function httpOriginOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The service's own origins for a request: JOBGATE_PUBLIC_URL's, and the one the request
 * was addressed to (protocol and Host, from X-Forwarded-* only when TRUST_PROXY says so),
 * so a deployment reached under a second name (or the address it listens on) still
 * accepts its own console requests and forms. One definition for the session cookie's
 * Origin check and the hosted form's.
 */
export function ownOrigins(request: { protocol: string; host: string }, publicUrl: string): string[] {
  // Through URL, so a Host that spells out the default port (`localhost:80`) names the
  // origin a browser writes (`http://localhost`).
  const addressed = httpOriginOf(`${request.protocol}://${request.host}`);
  return addressed ? [new URL(publicUrl).origin, addressed] : [new URL(publicUrl).origin];
}
