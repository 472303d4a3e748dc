/**
 * What never reaches a log line: a Jobgate secret (`jgp_`, `jgk_`, `jgs_` and any
 * future `jg?_` prefix of auth/secret-format.ts, matched by shape because the
 * ground floor cannot import auth/) wherever it appears, and the value of a query
 * parameter that carries a credential (Lever's `?key=`, a signed file link's
 * `sig=`). Whoever reads the logs must not be able to call the API or download a
 * candidate's résumé with what they find there.
 */
export const REDACTED = '[redacted]';

/** `jg` + one letter + `_` + the token's body; 8 characters is far below a real secret's 36 and far above a word. */
const SECRET_SHAPE = /jg[a-z]_[0-9A-Za-z]{8,}/g;

/** Query parameters whose value is a credential whatever it looks like. */
const SENSITIVE_PARAMS = new Set(['key', 'sig', 'signature', 'token', 'secret', 'password', 'api_key', 'apikey', 'access_token', 'session']);

/** The same names inside any text (an error message quoting a URL, a JSON log line). */
const SENSITIVE_PAIR = new RegExp(`([?&;](?:${[...SENSITIVE_PARAMS].join('|')})=)[^&;#\\s"'\\\\]*`, 'gi');

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** A request URL as logged: credential parameters' values and secret-shaped text replaced, everything else as sent. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const redactedPath = path.replace(SECRET_SHAPE, REDACTED);
  if (mark === -1) return redactedPath;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair.replace(SECRET_SHAPE, REDACTED);
      const name = pair.slice(0, eq);
      return SENSITIVE_PARAMS.has(paramName(name)) ? `${name}=${REDACTED}` : pair.replace(SECRET_SHAPE, REDACTED);
    })
    .join('&');
  return `${redactedPath}?${query}`;
}

/**
 * The last line of defence, run on every serialized log line: whatever a log call
 * included (an error message quoting a URL, a field nobody thought of), secrets
 * and credential parameters are gone before the line is written.
 */
export function redactSecrets(line: string): string {
  return line.replace(SECRET_SHAPE, REDACTED).replace(SENSITIVE_PAIR, `$1${REDACTED}`);
}
